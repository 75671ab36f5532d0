import { join } from 'node:path';
import { createEmbeddedValidator } from '@shiftdown/kubeconform';
import { atOrAbove } from '@shiftdown/policy-core';
import { checkPaths, REPO_ROOT } from './helpers.js';

const EXAMPLES = join(REPO_ROOT, 'examples', 'templates');
const options = { cwd: EXAMPLES, today: '2025-01-01', schemaValidator: createEmbeddedValidator() };

describe('the golden-path examples (examples/templates)', () => {
  it('hardened-service renders every file and passes: no finding at all, schema-valid', async () => {
    const result = await checkPaths(['hardened-service'], options);
    expect(result.errors).toEqual([]);
    const [template] = result.templates;
    expect(template!.steps.map((s) => `${s.id} ${s.action} ${s.status} ${s.files}`)).toEqual([
      'fetch fetch:template rendered 6',
    ]);
    expect(template!.files.map((f) => `${f.rendered}${f.approximate ? ' (approximate)' : ''}`)).toEqual([
      'catalog-info.yaml',
      'k8s/deployment.yaml',
      'k8s/networkpolicy.yaml',
      'k8s/poddisruptionbudget.yaml',
      'k8s/service.yaml',
      'k8s/serviceaccount.yaml',
    ]);
    expect(result.report.findings).toEqual([]);
    expect([
      result.report.summary.score,
      result.report.summary.grade,
      result.report.summary.resources,
    ]).toEqual([100, 'A+', 7]);
    expect(
      result.report.resources.map((r) => `${r.kind} ${r.namespace ?? ''}/${r.name} ${r.file}:${r.line}`),
    ).toEqual([
      'Component /orders-api hardened-service/skeleton/catalog-info.yaml:1',
      'Deployment shop/orders-api hardened-service/skeleton/k8s/deployment.yaml:1',
      'NetworkPolicy shop/orders-api-default-deny hardened-service/skeleton/k8s/networkpolicy.yaml:2',
      'NetworkPolicy shop/orders-api-allow hardened-service/skeleton/k8s/networkpolicy.yaml:13',
      'PodDisruptionBudget shop/orders-api hardened-service/skeleton/k8s/poddisruptionbudget.yaml:1',
      'Service shop/orders-api hardened-service/skeleton/k8s/service.yaml:1',
      'ServiceAccount shop/orders-api hardened-service/skeleton/k8s/serviceaccount.yaml:2',
    ]);
  });

  it('hardened-service: a finding inside the env loop points at the loop body', async () => {
    const env = [
      { name: 'A', value: '1' },
      { name: 'A', value: '2' },
    ];
    const result = await checkPaths(['hardened-service'], { ...options, values: { env } });
    expect(result.report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'hardened-service/skeleton/k8s/deployment.yaml:46:15 duplicate-env-var',
    ]);
    // The duplicate is the second item (rendered line 46, the first item is at 44); both come from line 46.
    expect(result.templates[0]!.findings[0]!.rendered).toEqual({
      file: 'k8s/deployment.yaml',
      line: 46,
      column: 15,
    });
    const none = await checkPaths(['hardened-service'], { ...options, values: { env: [] } });
    expect(none.report.findings).toEqual([]);
  });

  it('risky-service fails: every finding at its skeleton line', async () => {
    const result = await checkPaths(['risky-service'], options);
    expect(result.errors).toEqual([]);
    expect(
      result.report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`),
    ).toEqual([
      'risky-service/skeleton/k8s/deployment.yaml:11:5 medium imds-reachable',
      'risky-service/skeleton/k8s/deployment.yaml:11:5 medium network-policy-missing',
      'risky-service/skeleton/k8s/deployment.yaml:11:5 medium network-policy-missing',
      'risky-service/skeleton/k8s/deployment.yaml:14:5 low default-service-account',
      'risky-service/skeleton/k8s/deployment.yaml:14:5 medium service-account-token-automount',
      'risky-service/skeleton/k8s/deployment.yaml:16:11 medium memory-limit-missing',
      'risky-service/skeleton/k8s/deployment.yaml:16:11 low readiness-probe-missing',
      'risky-service/skeleton/k8s/deployment.yaml:16:11 low resource-requests-missing',
      'risky-service/skeleton/k8s/deployment.yaml:17:11 medium image-tag-mutable',
      'risky-service/skeleton/k8s/deployment.yaml:22:15 high literal-secret-in-env',
      'risky-service/skeleton/k8s/deployment.yaml:23:11 low capabilities-not-dropped',
      'risky-service/skeleton/k8s/deployment.yaml:23:11 medium privilege-escalation-allowed',
      'risky-service/skeleton/k8s/deployment.yaml:23:11 low read-only-root-filesystem',
      'risky-service/skeleton/k8s/deployment.yaml:23:11 medium run-as-non-root',
      'risky-service/skeleton/k8s/deployment.yaml:23:11 medium seccomp-profile-missing',
      'risky-service/skeleton/k8s/deployment.yaml:24:13 critical privileged-container',
      'risky-service/skeleton/k8s/deployment.yaml:25:13 medium run-as-root-user',
      'risky-service/skeleton/k8s/deployment.yaml:28:15 high writable-host-path',
      'risky-service/skeleton/k8s/deployment.yaml:32:11 low restricted-volume-types',
      'risky-service/skeleton/k8s/deployment.yaml:33:13 critical sensitive-host-path',
      'risky-service/skeleton/k8s/service.yaml:6:3 medium service-exposure',
    ]);
    expect([result.report.summary.score, result.report.summary.grade]).toEqual([66, 'D']);
    // The rendered workspace had the same lines here (no line of this skeleton is removed before them).
    const secret = result.templates[0]!.findings.find((m) => m.finding.ruleId === 'literal-secret-in-env')!;
    expect(secret.rendered).toEqual({ file: 'k8s/deployment.yaml', line: 22, column: 15 });
  });

  it('risky-service without the debug mount: the {% if %} block is gone, and so are its findings', async () => {
    const result = await checkPaths(['risky-service'], { ...options, values: { debug: false } });
    expect(
      result.report.findings
        .filter((f) => atOrAbove(f.severity, 'high'))
        .map((f) => `${f.line}:${f.column} ${f.ruleId}`),
    ).toEqual(['22:15 literal-secret-in-env', '24:13 privileged-container']);
  });
});
