import { gateFailures } from '../src/gate.js';
import type { Finding, Report } from '../src/types.js';

const finding = (severity: Finding['severity'], suppressed = false): Finding =>
  ({ severity, ...(suppressed && { suppressed: { reason: 'r', source: 's' } }) }) as Finding;
const report = (findings: Finding[], score = 90) =>
  ({ findings, summary: { score } }) as unknown as Pick<Report, 'findings' | 'summary'>;

describe('gateFailures', () => {
  it('fails on unsuppressed findings at or above the threshold only', () => {
    const findings = [finding('high'), finding('critical', true), finding('medium')];
    expect(gateFailures(report(findings), { failOn: 'high' })).toEqual(['1 finding at or above high']);
    expect(gateFailures(report(findings), { failOn: 'medium' })).toEqual(['2 findings at or above medium']);
    expect(gateFailures(report(findings), { failOn: 'critical' })).toEqual([]);
    expect(gateFailures(report(findings), { failOn: 'none' })).toEqual([]);
  });

  it('fails when the score is below the minimum', () => {
    expect(gateFailures(report([], 79), { failOn: 'none', minScore: 80 })).toEqual(['score 79 is below the minimum 80']);
    expect(gateFailures(report([], 80), { failOn: 'none', minScore: 80 })).toEqual([]);
  });
});
