import { scan, type InputError } from '@shiftdown/policy-core';
import { crdsFromFiles, embeddedValidatorFor } from '../src/project.js';

const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer}
`;
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n';
const GADGET = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n';

describe('crdsFromFiles', () => {
  it('finds CRDs in documents and List items, and reports each parse error with its file', () => {
    const errors: [string, InputError][] = [];
    const crds = crdsFromFiles(
      [
        {
          path: 'crds/widget.yaml',
          text: `${WIDGET_CRD}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`,
        },
        {
          path: 'crds/list.yaml',
          text: `apiVersion: v1\nkind: List\nitems:\n- ${WIDGET_CRD.trimEnd().replaceAll('\n', '\n  ').replace('widgets.example.com', 'other.example.com')}\n`,
        },
        { path: 'crds/bad.yaml', text: 'a: [unclosed\n' },
      ],
      (file, error) => errors.push([file, error]),
    );
    expect(crds.map((crd) => (crd.metadata as { name: string }).name)).toEqual([
      'widgets.example.com',
      'other.example.com',
    ]);
    expect(errors.map(([file, error]) => `${file}:${error.line}`)).toEqual(['crds/bad.yaml:2']);
  });
});

describe('embeddedValidatorFor', () => {
  const findings = (validator: ReturnType<typeof embeddedValidatorFor>) =>
    scan({
      files: [{ path: 'm.yaml', text: `${WIDGET}---\n${GADGET}` }],
      schemaValidator: validator,
      today: '2026-01-01',
    })
      .findings.filter((f) => f.ruleId.startsWith('schema-'))
      .map((f) => `${f.ruleId} ${f.line}`);

  it('validates custom resources against the given CRDs and reports kinds without a schema', () => {
    const crds = crdsFromFiles([{ path: 'widget.yaml', text: WIDGET_CRD }]);
    expect(findings(embeddedValidatorFor(undefined, crds))).toEqual(['schema-invalid 6', 'schema-missing 9']);
  });

  it('follows the config: ignoreMissingSchemas and skipKinds', () => {
    const crds = crdsFromFiles([{ path: 'widget.yaml', text: WIDGET_CRD }]);
    expect(findings(embeddedValidatorFor({ ignoreMissingSchemas: true }, crds))).toEqual([
      'schema-invalid 6',
    ]);
    expect(findings(embeddedValidatorFor({ skipKinds: ['example.com/v1/Widget'] }, crds))).toEqual([
      'schema-missing 9',
    ]);
  });
});
