import { scan } from '../../src/engine/scan.js';
import { checkFile, isScoreK8sState } from '../../src/engine/file-findings.js';
import { BUILTIN_RULES, SCORE_K8S_STATE_COMMITTED } from '../../src/rules/builtin.js';
import { ruleCatalog } from '../../src/rules/registry.js';

const state = `workloads:
  web:
    spec:
      apiVersion: score.dev/v1b1
resources:
  postgres.default#web.db:
    outputs:
      password: s3cr3t
`;

const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  mode: production
`;

describe('score-k8s-state-committed (file-level rule)', () => {
  it('recognises files inside a .score-k8s directory, with either separator', () => {
    expect(isScoreK8sState('.score-k8s/state.yaml')).toBe(true);
    expect(isScoreK8sState('apps/web/.score-k8s/zz-default.provisioners.yaml')).toBe(true);
    expect(isScoreK8sState('apps\\web\\.score-k8s\\state.yaml')).toBe(true);
    expect(isScoreK8sState('.score-k8s')).toBe(false);
    expect(isScoreK8sState('manifests/.score-k8s.yaml')).toBe(false);
    expect(isScoreK8sState('score-k8s/state.yaml')).toBe(false);
  });

  it('reports one high finding per state file at line 1, whatever it contains, and nothing elsewhere', () => {
    const report = scan({
      files: [
        { path: '.score-k8s/state.yaml', text: state },
        { path: '.score-k8s/zz-default.provisioners.yaml', text: '' },
        { path: 'manifests.yaml', text: configMap },
      ],
      today: '2026-01-01',
    });
    const findings = report.findings.filter((f) => f.ruleId === 'score-k8s-state-committed');
    expect(findings.map((f) => [f.file, f.line, f.column, f.severity, f.category])).toEqual([
      ['.score-k8s/state.yaml', 1, 1, 'high', 'identity'],
      ['.score-k8s/zz-default.provisioners.yaml', 1, 1, 'high', 'identity'],
    ]);
    expect(findings[0]!.message).toBe(
      '.score-k8s/state.yaml is score-k8s local state: the .score-k8s directory holds potentially sensitive data and ' +
        'raw secrets and should not be committed.',
    );
    expect(findings[0]!.message).not.toContain('s3cr3t');
    expect(findings[0]!.resource).toEqual({ kind: 'File', name: '.score-k8s/state.yaml' });
    expect(report.rules.map((r) => r.id)).toContain('score-k8s-state-committed');
    expect(report.summary.counts.high).toBeGreaterThanOrEqual(2);
  });

  it('is not evaluated on other files, so it does not change the score of scans without state files', () => {
    const checked = checkFile('manifests.yaml', [], []);
    expect(checked.findings).toEqual([]);
    expect(checked.evaluations.map((e) => e.ruleId)).not.toContain('score-k8s-state-committed');
  });

  it('can be turned off or re-rated in the config', () => {
    expect(
      checkFile('.score-k8s/state.yaml', [], [], { 'score-k8s-state-committed': 'off' }).findings,
    ).toEqual([]);
    const lowered = checkFile('.score-k8s/state.yaml', [], [], { 'score-k8s-state-committed': 'medium' });
    expect(lowered.findings.map((f) => f.severity)).toEqual(['medium']);
    expect(lowered.evaluations.filter((e) => e.ruleId === 'score-k8s-state-committed')).toEqual([
      { subject: 'file:.score-k8s/state.yaml', ruleId: 'score-k8s-state-committed' },
    ]);
  });

  it('is a documented built-in rule', () => {
    expect(BUILTIN_RULES).toContain(SCORE_K8S_STATE_COMMITTED);
    expect(ruleCatalog().get('score-k8s-state-committed')).toBe(SCORE_K8S_STATE_COMMITTED);
  });
});
