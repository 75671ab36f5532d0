/**
 * Custom resources validated against the openAPIV3Schema of their CustomResourceDefinition, found in the
 * same scan (any file, any order) or passed in the options; exact findings through scan().
 */
import { createEmbeddedValidator } from '../../src/embedded/index.js';
import { VALID_WIDGET, WIDGET_CRD, widget, widgetCrdObject } from './fixtures.js';
import { findingsOf, invalid, missing, schemaFindings, yaml } from './helpers.js';

const INVALID_WIDGET = yaml(
  'apiVersion: example.com/v1',
  'kind: Widget',
  'metadata:',
  '  name: w',
  '  lables: {a: b}',
  'spec:',
  '  size: "big"',
  '  color: green',
  '  port: true',
  '  owner: "UPPER"',
  '  since: yesterday',
  '  tags: [a, a]',
  '  ports: [{name: http, number: 80}, {name: http, number: 81}, {number: 5000000000}]',
  '  extra: 1',
  '  labels: {x: 1}',
  '  config: {free: form}',
  'bogus: true',
  'status: {ready: "yes", other: 1}',
);

const INVALID_WIDGET_FINDINGS = [
  invalid(5, 3, 'Unknown field "lables" in metadata (not in the Widget example.com/v1 schema).'),
  invalid(7, 3, 'spec.size has the wrong type: expected integer, but got string "big".'),
  invalid(8, 3, 'spec.color has an unsupported value "green": expected "red" or "blue".'),
  invalid(9, 3, 'spec.port has the wrong type: expected integer or string, but got boolean true.'),
  invalid(10, 3, 'spec.owner does not match the pattern "^[a-z]+$": got string "UPPER".'),
  invalid(
    11,
    3,
    'spec.since has an invalid value string "yesterday": expected an RFC 3339 date-time such as 2024-01-31T12:00:00Z.',
  ),
  invalid(12, 3, 'spec.tags must not repeat items, but items 0 and 1 are equal.'),
  invalid(13, 38, 'Duplicate entry in spec.ports: items 0 and 1 have the same key (name="http").'),
  invalid(13, 64, 'Missing required field "name" in spec.ports[2].'),
  invalid(
    13,
    64,
    'spec.ports[2].number has an invalid value integer 5000000000: expected a 32-bit integer (-2147483648 to 2147483647).',
  ),
  invalid(14, 3, 'Unknown field "extra" in spec (not in the Widget example.com/v1 schema).'),
  invalid(15, 12, 'spec.labels.x has the wrong type: expected string, but got integer 1.'),
  invalid(17, 1, 'Unknown field "bogus" at the top level (not in the Widget example.com/v1 schema).'),
  invalid(18, 10, 'status.ready has the wrong type: expected boolean, but got string "yes".'),
  invalid(18, 24, 'Unknown field "other" in status (not in the Widget example.com/v1 schema).'),
];

describe('embedded validator: custom resources', () => {
  it('validates a CRD and a valid custom resource of the same file: no findings (int-or-string, preserve-unknown-fields, embedded resource, nullable, list-type map and set)', () => {
    expect(findingsOf(`${WIDGET_CRD}---\n${VALID_WIDGET}`)).toEqual([]);
  });

  it('reports every problem of an invalid custom resource that comes before its CRD in the file', () => {
    expect(findingsOf(`${INVALID_WIDGET}---\n${WIDGET_CRD}`)).toEqual(INVALID_WIDGET_FINDINGS);
  });

  it('finds the CRD in another file of the scan', () => {
    expect(schemaFindings({ 'a-widget.yaml': widget('0'), 'b-crd.yaml': WIDGET_CRD })).toEqual([
      invalid(4, 8, 'spec.size must be >= 1, but got integer 0.'),
    ]);
  });

  it('reports a missing required field at its parent', () => {
    expect(
      schemaFindings({
        'crd.yaml': WIDGET_CRD,
        'w.yaml': yaml(
          'apiVersion: example.com/v1',
          'kind: Widget',
          'metadata: {name: w}',
          'spec:',
          '  color: red',
        ),
      }),
    ).toEqual([invalid(4, 1, 'Missing required field "size" in spec.')]);
  });

  it('accepts null for a field that is not nullable (the API server prunes it)', () => {
    expect(
      findingsOf(
        `${WIDGET_CRD}---\n${yaml('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}', 'spec: {size: 1, color: null, tags: null}')}`,
      ),
    ).toEqual([]);
  });

  it('uses CRDs passed in the options when the scan has none', () => {
    const validator = createEmbeddedValidator({ crds: [widgetCrdObject()] });
    expect(schemaFindings({ 'w.yaml': widget('"big"') }, validator)).toEqual([
      invalid(4, 8, 'spec.size has the wrong type: expected integer, but got string "big".'),
    ]);
    expect(schemaFindings({ 'w.yaml': widget('2') }, validator)).toEqual([]);
  });

  it('lets a CRD of the scan replace a configured one of the same name (the last applied wins)', () => {
    const validator = createEmbeddedValidator({ crds: [widgetCrdObject()] });
    const relaxed = WIDGET_CRD.replace('required: [size]', 'required: []').replace('minimum: 1, ', '');
    expect(schemaFindings({ 'crd.yaml': relaxed, 'w.yaml': widget('0') }, validator)).toEqual([]);
    expect(
      schemaFindings({ 'a.yaml': relaxed, 'b.yaml': WIDGET_CRD, 'w.yaml': widget('0') }, validator),
    ).toEqual([invalid(4, 8, 'spec.size must be >= 1, but got integer 0.')]);
  });

  it('reports a custom resource without any CRD as missing', () => {
    expect(findingsOf(widget('1'))).toEqual([
      missing(
        2,
        1,
        'No schema for Widget example.com/v1: it is not a Kubernetes v1.36 kind and no CustomResourceDefinition for it ' +
          'is in the scan or the configured CRD directories.',
      ),
    ]);
  });

  it('reports a version the CRD does not serve as missing, naming the served ones', () => {
    const text = `${WIDGET_CRD}---\n${widget('1').replace('example.com/v1', 'example.com/v2')}`;
    expect(findingsOf(text)).toEqual([
      missing(
        48,
        1,
        'No schema for Widget example.com/v2: CustomResourceDefinition widgets.example.com serves v1 only.',
      ),
    ]);
  });

  it('ignores missing schemas when asked to', () => {
    expect(findingsOf(widget('1'), { ignoreMissingSchemas: true })).toEqual([]);
  });

  it('validates the CRD itself as a built-in object: descriptions and x-kubernetes-* fields are fields, typos are not', () => {
    const typo = WIDGET_CRD.replace(
      'x-kubernetes-preserve-unknown-fields: true}\n',
      'x-kubernetes-preserve-unknown-field: true}\n',
    ).replace('        description: A widget.', '        descripton: A widget.');
    expect(findingsOf(typo)).toEqual([
      invalid(
        16,
        9,
        'Unknown field "descripton" in spec.versions[0].schema.openAPIV3Schema (not in the CustomResourceDefinition apiextensions.k8s.io/v1 schema).',
      ),
      invalid(
        25,
        38,
        'Unknown field "x-kubernetes-preserve-unknown-field" in spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.config ' +
          '(not in the CustomResourceDefinition apiextensions.k8s.io/v1 schema).',
      ),
    ]);
  });
});

describe('embedded validator: a CRD whose schema does not compile', () => {
  const GADGET_CRD = yaml(
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: gadgets.example.com}',
    'spec:',
    '  group: example.com',
    '  names: {kind: Gadget, plural: gadgets}',
    '  scope: Namespaced',
    '  versions:',
    '  - name: v1',
    '    served: true',
    '    storage: false',
    '    schema:',
    '      openAPIV3Schema:',
    '        type: object',
    '        properties:',
    '          spec: {type: objekt}',
    '  - name: v2',
    '    served: true',
    '    storage: true',
    '    schema:',
    '      openAPIV3Schema:',
    '        type: object',
    '        properties:',
    '          spec: {$ref: "#/definitions/spec"}',
  );
  const gadget = (version: string): string =>
    yaml(`apiVersion: example.com/${version}`, 'kind: Gadget', 'metadata: {name: g}');

  it('gets one invalid finding per broken version, and its custom resources get missing with the reason', () => {
    expect(
      schemaFindings({ 'crd.yaml': GADGET_CRD, 'g1.yaml': gadget('v1'), 'g2.yaml': gadget('v2') }),
    ).toEqual([
      invalid(
        13,
        7,
        'The openAPIV3Schema of version v1 does not compile, so Gadget example.com/v1 objects cannot be validated: ' +
          'properties.spec.type must be one of "array", "boolean", "integer", "null", "number", "object" or "string".',
      ),
      invalid(
        21,
        7,
        'The openAPIV3Schema of version v2 does not compile, so Gadget example.com/v2 objects cannot be validated: ' +
          '$ref is not allowed in a CustomResourceDefinition schema (found $ref: "#/definitions/spec").',
      ),
      missing(
        2,
        1,
        'No schema for Gadget example.com/v1: the openAPIV3Schema of CustomResourceDefinition gadgets.example.com (v1) ' +
          'does not compile: properties.spec.type must be one of "array", "boolean", "integer", "null", "number", "object" or "string".',
      ),
      missing(
        2,
        1,
        'No schema for Gadget example.com/v2: the openAPIV3Schema of CustomResourceDefinition gadgets.example.com (v2) ' +
          'does not compile: $ref is not allowed in a CustomResourceDefinition schema (found $ref: "#/definitions/spec").',
      ),
    ]);
  });
});
