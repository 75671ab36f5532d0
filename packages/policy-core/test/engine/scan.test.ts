import { scan, ScanOptionError } from '../../src/engine/scan.js';
import { ALL_RULES } from '../../src/rules/registry.js';
import { defineRule } from '../../src/rules/rule.js';
import type { Finding } from '../../src/types.js';

const privilegedPod = [
  'apiVersion: v1', // 1
  'kind: Pod', // 2
  'metadata:', // 3
  '  name: p', // 4
  '  namespace: shop', // 5
  'spec:', // 6
  '  containers:', // 7
  '  - name: app', // 8
  '    image: nginx:1.27', // 9
  '    securityContext:', // 10
  '      privileged: true', // 11
  '',
].join('\n');

/** A pod hardened for the whole recommended profile: PSS restricted, identity, network, resources. */
const hardenedPod = `apiVersion: v1
kind: Pod
metadata:
  name: ok
  namespace: shop
spec:
  serviceAccountName: app
  automountServiceAccountToken: false
  hostUsers: false
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {memory: 64Mi}
    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities: {drop: [ALL]}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: shop
automountServiceAccountToken: false
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

const byRule = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

describe('scan', () => {
  it('reports located findings, scores and caps', () => {
    const report = scan({ files: [{ path: 'pod.yaml', text: privilegedPod }], today: '2026-01-01' });
    const [privileged] = byRule(report.findings, 'privileged-container');
    expect(privileged).toMatchObject({
      severity: 'critical',
      file: 'pod.yaml',
      line: 11,
      column: 7,
      endLine: 11,
      endColumn: 23,
      container: 'app',
      field: 'spec.containers[0].securityContext.privileged',
      resource: { kind: 'Pod', apiVersion: 'v1', namespace: 'shop', name: 'p' },
      pss: { level: 'baseline', check: 'privileged' },
    });
    expect(privileged!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(report.summary.counts.critical).toBe(1);
    expect(report.summary.score).toBeLessThanOrEqual(66);
    expect(report.summary.cap).toBe('a critical finding caps the grade at D');
    expect(report.summary.maturity.level).toBe(0);
    expect(report.resources).toEqual([
      expect.objectContaining({ kind: 'Pod', name: 'p', file: 'pod.yaml', line: 1, grade: expect.any(String) }),
    ]);
    expect(report.rules.map((r) => r.id)).toContain('privileged-container');
  });

  it('gives a hardened pod a clean bill', () => {
    const report = scan({ files: [{ path: 'ok.yaml', text: hardenedPod }], today: '2026-01-01' });
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ score: 100, grade: 'A+', documents: 3, files: 1 });
    // Level 5 needs API server configuration (APF, inflight limits) in the scan.
    expect(report.summary.maturity).toMatchObject({ level: 4, next: ['API server protected (APF, inflight limits)'] });
  });

  it('keeps suppressed findings in the report but not in the score', () => {
    const text = privilegedPod.replace('  namespace: shop', '  namespace: shop\n  annotations:\n    ignore.shiftdown.dev/privileged-container: "break-glass debug pod"');
    const report = scan({ files: [{ path: 'pod.yaml', text }], today: '2026-01-01' });
    const [finding] = byRule(report.findings, 'privileged-container');
    expect(finding!.suppressed).toEqual({
      reason: 'break-glass debug pod',
      source: expect.stringContaining('annotation:ignore.shiftdown.dev/privileged-container'),
    });
    expect(report.summary.counts.critical).toBe(0);
    expect(report.summary.suppressed).toBe(1);
    expect(report.summary.cap).not.toBe('a critical finding caps the grade at D');
  });

  it('reports parse errors and duplicate keys as located findings and scans the rest', () => {
    const text = `${privilegedPod}---\nkind: [broken\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\n`;
    const report = scan({ files: [{ path: 'mixed.yaml', text }], today: '2026-01-01' });
    expect(byRule(report.findings, 'privileged-container')).toHaveLength(1);
    const [parseError] = byRule(report.findings, 'parse-error');
    expect(parseError).toMatchObject({ severity: 'high', file: 'mixed.yaml', resource: { kind: 'File', name: 'mixed.yaml' } });
    expect(parseError).toMatchObject({ line: 14, column: 1 });
    expect(byRule(report.findings, 'duplicate-key')).toEqual([
      expect.objectContaining({ line: 19, column: 3, endColumn: 7, message: expect.stringContaining('"name"') }),
    ]);
    expect(report.files[0]!.errors).toHaveLength(1);
  });

  it('applies config overrides: off disables a rule, a severity replaces its default', () => {
    const off = scan({ files: [{ path: 'p.yaml', text: privilegedPod }], config: { rules: { 'privileged-container': 'off' } } });
    expect(byRule(off.findings, 'privileged-container')).toEqual([]);
    const low = scan({ files: [{ path: 'p.yaml', text: privilegedPod }], config: { rules: { 'privileged-container': 'low' } } });
    expect(byRule(low.findings, 'privileged-container')[0]!.severity).toBe('low');
  });

  it('selects rules by profile and evaluates PSS at the requested version', () => {
    const baseline = scan({ files: [{ path: 'p.yaml', text: privilegedPod }], profile: 'pss-baseline' });
    expect(new Set(baseline.findings.map((f) => f.pss?.level))).toEqual(new Set(['baseline']));
    const rootUser = privilegedPod.replace('      privileged: true', '      runAsUser: 0');
    const v122 = scan({ files: [{ path: 'p.yaml', text: rootUser }], profile: 'pss-restricted', pssVersion: 'v1.22' });
    expect(byRule(v122.findings, 'run-as-root-user')).toEqual([]);
    const v123 = scan({ files: [{ path: 'p.yaml', text: rootUser }], profile: 'pss-restricted', pssVersion: 'v1.23' });
    expect(byRule(v123.findings, 'run-as-root-user')).toHaveLength(1);
    expect(v123.settings).toEqual({ profile: 'pss-restricted', pssVersion: 'v1.23' });
  });

  it('rejects invalid versions with a clear error', () => {
    expect(() => scan({ files: [], pssVersion: 'v2.0' })).toThrow(ScanOptionError);
    expect(() => scan({ files: [], kubernetesVersion: 'banana' })).toThrow(/invalid Kubernetes version/);
  });

  it('turns a crashing rule into a rule-error finding and goes on', () => {
    const crashing = defineRule({
      meta: { ...ALL_RULES[0]!.meta, id: 'always-crashes', pss: undefined },
      match: { workloads: true },
      check() {
        throw new Error('boom');
      },
    });
    const report = scan({ files: [{ path: 'p.yaml', text: privilegedPod }], rules: [...ALL_RULES, crashing] });
    expect(byRule(report.findings, 'rule-error')).toEqual([
      expect.objectContaining({ severity: 'info', line: 1, message: expect.stringContaining('always-crashes') }),
    ]);
    expect(byRule(report.findings, 'privileged-container')).toHaveLength(1);
  });

  it('recognises custom workload kinds from the config', () => {
    const text = 'apiVersion: example.com/v1\nkind: Worker\nmetadata: {name: w}\nspec:\n  pod:\n    containers:\n    - name: x\n      image: x:1\n      securityContext: {privileged: true}\n';
    const report = scan({
      files: [{ path: 'w.yaml', text }],
      config: { workloadKinds: [{ kind: 'Worker', group: 'example.com', podSpecPath: 'spec.pod' }] },
    });
    expect(byRule(report.findings, 'privileged-container')).toEqual([expect.objectContaining({ line: 9 })]);
  });
});
