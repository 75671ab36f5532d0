import { scan } from '../../src/engine/scan.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { compileCel } from '../../src/custom/cel.js';
import { yaml } from '../rules/harness.js';

const deployments = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: labelled
    labels:
      team: payments
  spec:
    replicas: 3
    template:
      spec:
        containers:
          - name: app
            image: registry.example/app:1.0
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: unlabelled
  spec:
    replicas: 1
    template:
      spec:
        containers:
          - name: app
            image: registry.example/app:1.0
`;

function configOf(text: string) {
  const result = parseConfig(text, '.shiftdown.yaml');
  expect(result.errors).toEqual([]);
  return result.config!;
}

function customFindings(configText: string, files = [{ path: 'deploy.yaml', text: deployments }]) {
  const report = scan({ files, config: configOf(configText), profile: 'pss-baseline', today: '2026-01-01' });
  return report.findings.filter((f) => f.ruleId.startsWith('team-') || f.ruleId === 'rule-error');
}

describe('custom CEL rules from .shiftdown.yaml', () => {
  it('reports objects for which the expression is false, at the configured path', () => {
    const findings = customFindings(yaml`
      customRules:
        - id: team-label
          title: Workloads carry a team label
          severity: high
          category: reliability
          match: { kinds: [Deployment] }
          path: metadata
          expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
          messageExpression: "'Deployment ' + object.metadata.name + ' has no team label'"
    `);
    expect(findings.map((f) => [f.ruleId, f.line, f.severity, f.category, f.resource.name, f.message])).toEqual([
      ['team-label', 17, 'high', 'reliability', 'unlabelled', 'Deployment unlabelled has no team label'],
    ]);
  });

  it('compares YAML integers as CEL ints and uses the static message', () => {
    const findings = customFindings(yaml`
      customRules:
        - id: team-replicas
          title: At least two replicas
          match: { kinds: [Deployment], apiGroups: [apps] }
          path: spec.replicas
          expression: "object.spec.replicas >= 2"
          message: Run at least two replicas.
    `);
    expect(findings.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([[20, 3, 'medium', 'Run at least two replicas.']]);
  });

  it('sees every object of the scan through `objects` (cross-resource)', () => {
    const findings = customFindings(yaml`
      customRules:
        - id: team-needs-pdb
          title: Deployments have a PodDisruptionBudget
          match: { kinds: [Deployment] }
          expression: "objects.exists(o, o.kind == 'PodDisruptionBudget' && o.metadata.name == object.metadata.name)"
    `, [
      { path: 'deploy.yaml', text: deployments },
      { path: 'pdb.yaml', text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: labelled\nspec:\n  minAvailable: 1\n' },
    ]);
    expect(findings.map((f) => [f.ruleId, f.resource.name])).toEqual([['team-needs-pdb', 'unlabelled']]);
  });

  it('turns evaluation errors into rule-error findings instead of crashing the scan', () => {
    const findings = customFindings(yaml`
      customRules:
        - id: team-missing-field
          title: Reads a field that is absent
          match: { kinds: [Deployment] }
          expression: "object.spec.paused == false"
    `);
    expect(findings.map((f) => f.ruleId)).toEqual(['rule-error', 'rule-error']);
    expect(findings[0]!.message).toContain('team-missing-field');
    expect(findings[0]!.message).toContain('CEL evaluation failed: field not found: paused');
  });

  it('rejects a syntax error in the config, at the expression', () => {
    const result = parseConfig(
      yaml`
        customRules:
          - id: team-broken
            title: Broken
            expression: "object.spec.replicas >"
      `,
      '.shiftdown.yaml',
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 4, column: 17 });
    expect(result.errors[0]!.message).toMatch(/^customRules\[0\]\.expression: CEL syntax error at 1:\d+/);
  });

  it('refuses a custom rule that reuses a built-in id', () => {
    const config = configOf(yaml`
      customRules:
        - id: privileged-container
          title: Mine
          expression: "true"
    `);
    expect(() => scan({ files: [], config })).toThrow('custom rule id "privileged-container" is already a built-in rule id');
  });

  it('can be turned off and re-graded like any rule', () => {
    const config = yaml`
      rules:
        team-label: low
      customRules:
        - id: team-label
          title: Workloads carry a team label
          severity: high
          match: { kinds: [Deployment] }
          expression: "has(object.metadata.labels)"
    `;
    expect(customFindings(config).map((f) => f.severity)).toEqual(['low']);
  });
});

describe('compileCel', () => {
  it('gives Kubernetes-style values: ints, maps with has(), string extensions', () => {
    const compiled = compileCel("has(object.a) && object.a.b == 2 && object.s.lowerAscii() == 'x'");
    if ('error' in compiled) throw new Error(compiled.error);
    expect(compiled.expression.evaluate({ object: { a: { b: 2 }, s: 'X' } })).toBe(true);
    expect(compiled.expression.evaluate({ object: { s: 'X' } })).toBe(false);
  });

  it('has matches() both as a method and as the global function of the CEL spec', () => {
    const compiled = compileCel("matches(object.v, '^v1\\\\.[0-4]') && object.v.matches('^v')");
    if ('error' in compiled) throw new Error(compiled.error);
    expect(compiled.expression.evaluate({ object: { v: 'v1.3.0' } })).toBe(true);
    expect(compiled.expression.evaluate({ object: { v: 'v1.5.0' } })).toBe(false);
  });
});
