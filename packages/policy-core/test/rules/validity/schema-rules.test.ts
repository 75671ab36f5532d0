import schemaInvalid from '../../../src/rules/validity/schema-invalid.js';
import schemaMissing from '../../../src/rules/validity/schema-missing.js';
import type { SchemaIssue, SchemaValidator } from '../../../src/rules/validity/schema-validator.js';
import { scan } from '../../../src/engine/scan.js';
import { testRuleCases, runRule } from '../harness.js';

/**
 * A validator scripted per kind, standing in for the embedded validator and kubeconform (tested in
 * @shiftdown/kubeconform): these tests pin down what the core does with the issues.
 */
function scripted(byKind: Record<string, readonly SchemaIssue[]>): SchemaValidator & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: 'scripted',
    calls,
    validate(resource) {
      calls.push(`${resource.kind}/${resource.name ?? ''}`);
      return byKind[resource.kind] ?? [];
    },
  };
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          imagePullPolicyy: Always
`;

const validator = scripted({
  Deployment: [
    {
      type: 'invalid',
      path: ['spec', 'replicas'],
      message: 'spec.replicas: expected integer, but got string.',
    },
    {
      type: 'invalid',
      path: ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicyy'],
      message: 'Unknown field "imagePullPolicyy" in spec.template.spec.containers[0].',
    },
    { type: 'invalid', path: ['spec', 'selector'], message: 'missing required field "selector" in spec.' },
  ],
  Widget: [{ type: 'missing', path: ['kind'], message: 'No schema for example.com/v1 Widget.' }],
});

describe('schema-invalid', () => {
  testRuleCases(schemaInvalid, [
    {
      name: 'each issue at its path: the value, the unknown key, the parent of a missing field',
      yaml: DEPLOYMENT,
      settings: { schemaValidator: validator },
      expected: [
        { line: 5, column: 1, message: 'missing required field "selector"' },
        { line: 6, column: 3, message: 'spec.replicas: expected integer' },
        { line: 12, column: 11, message: 'Unknown field "imagePullPolicyy"' },
      ],
    },
    {
      name: 'missing-schema issues are not schema-invalid findings',
      yaml: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
      settings: { schemaValidator: validator },
      expected: [],
    },
    {
      name: 'an item of a List is located inside the List',
      yaml: `apiVersion: v1\nkind: List\nitems:\n  - ${DEPLOYMENT.trimEnd().split('\n').join('\n    ')}\n`,
      settings: { schemaValidator: validator },
      expected: [
        { line: 8, column: 5, message: 'missing required field' },
        { line: 9, column: 7, message: 'spec.replicas' },
        { line: 15, column: 15, message: 'imagePullPolicyy' },
      ],
    },
  ]);

  it('does not run without a validator', () => {
    expect(runRule(schemaInvalid, DEPLOYMENT)).toEqual([]);
  });
});

describe('schema-missing', () => {
  testRuleCases(schemaMissing, [
    {
      name: 'a kind without a schema, at its kind',
      yaml: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
      settings: { schemaValidator: validator },
      expected: [{ line: 2, column: 1, message: 'No schema for example.com/v1 Widget.', severity: 'info' }],
    },
    {
      name: 'a removed API version is left to api-version-removed',
      yaml: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: old\n',
      settings: {
        schemaValidator: scripted({ Deployment: [{ type: 'missing', path: ['kind'], message: 'none' }] }),
      },
      expected: [],
    },
    {
      name: 'a version the target still serves keeps its schema-missing finding',
      yaml: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: old\n',
      settings: {
        kubernetesVersion: { major: 1, minor: 15 },
        schemaValidator: scripted({ Deployment: [{ type: 'missing', path: ['kind'], message: 'none' }] }),
      },
      expected: [{ line: 2, column: 1, message: 'none' }],
    },
  ]);
});

describe('schema validation through scan()', () => {
  it('validates each resource once, not Score files, Kro templates or Backstage entities, and names the validator', () => {
    const counted = scripted({
      Deployment: [
        {
          type: 'invalid',
          path: ['spec', 'replicas'],
          message: 'spec.replicas: expected integer, but got string.',
        },
      ],
    });
    const report = scan({
      files: [
        { path: 'deploy.yaml', text: DEPLOYMENT },
        {
          path: 'score.yaml',
          text: 'apiVersion: score.dev/v1b1\nmetadata:\n  name: s\ncontainers:\n  main:\n    image: nginx\n',
        },
        {
          path: 'catalog-info.yaml',
          text: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\n---\napiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\n',
        },
      ],
      schemaValidator: counted,
      today: '2026-01-01',
    });
    expect(counted.calls).toEqual(['Deployment/web']);
    expect(report.settings.schemaValidator).toBe('scripted');
    const schema = report.findings.filter((f) => f.ruleId.startsWith('schema-'));
    expect(schema.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity])).toEqual([
      ['schema-invalid', 'deploy.yaml', 6, 3, 'high'],
    ]);
    expect(report.summary.categories.find((c) => c.category === 'validity')?.findings).toBeGreaterThan(0);
  });

  it('is off without a validator: no schema findings and no setting', () => {
    const report = scan({ files: [{ path: 'deploy.yaml', text: DEPLOYMENT }], today: '2026-01-01' });
    expect(report.findings.filter((f) => f.ruleId.startsWith('schema-'))).toEqual([]);
    expect(report.settings.schemaValidator).toBeUndefined();
  });

  it('suppresses schema findings with the usual annotation', () => {
    const annotated = DEPLOYMENT.replace(
      '  name: web\n',
      '  name: web\n  annotations:\n    ignore.shiftdown.dev/schema-invalid: "generated by a tool that adds status"\n',
    );
    const report = scan({
      files: [{ path: 'd.yaml', text: annotated }],
      schemaValidator: validator,
      today: '2026-01-01',
    });
    const schema = report.findings.filter((f) => f.ruleId === 'schema-invalid');
    expect(schema).toHaveLength(3);
    expect(schema.every((f) => f.suppressed?.reason === 'generated by a tool that adds status')).toBe(true);
  });
});
