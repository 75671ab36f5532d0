import { gateFailures } from '../src/gate.js';
import { MINIMUM_GRADES, meetsGrade, type MinimumGrade } from '../src/score/grade.js';
import type { Finding, Report } from '../src/types.js';

const finding = (severity: Finding['severity'], suppressed = false): Finding =>
  ({ severity, ...(suppressed && { suppressed: { reason: 'r', source: 's' } }) }) as Finding;
const report = (findings: Finding[], score = 90, grade = 'A-') =>
  ({ findings, summary: { score, grade } }) as unknown as Pick<Report, 'findings' | 'summary'>;

describe('gateFailures', () => {
  it('fails on unsuppressed findings at or above the threshold only', () => {
    const findings = [finding('high'), finding('critical', true), finding('medium')];
    expect(gateFailures(report(findings), { failOn: 'high' })).toEqual(['1 finding at or above high']);
    expect(gateFailures(report(findings), { failOn: 'medium' })).toEqual(['2 findings at or above medium']);
    expect(gateFailures(report(findings), { failOn: 'critical' })).toEqual([]);
    expect(gateFailures(report(findings), { failOn: 'none' })).toEqual([]);
  });

  it('fails when the score is below the minimum', () => {
    expect(gateFailures(report([], 79), { failOn: 'none', minScore: 80 })).toEqual([
      'score 79 is below the minimum 80',
    ]);
    expect(gateFailures(report([], 80), { failOn: 'none', minScore: 80 })).toEqual([]);
  });

  it('fails when the grade does not meet the minimum, after the other reasons', () => {
    expect(
      gateFailures(report([finding('high')], 70, 'C-'), { failOn: 'high', minScore: 80, minGrade: 'B' }),
    ).toEqual([
      '1 finding at or above high',
      'score 70 is below the minimum 80',
      'grade C- is below the minimum B',
    ]);
    expect(gateFailures(report([], 80, 'B-'), { failOn: 'none', minGrade: 'B' })).toEqual([]);
  });
});

describe('meetsGrade', () => {
  const cases: [string, MinimumGrade, boolean][] = [
    ['B-', 'B', true], // a bare letter accepts its family
    ['B+', 'B', true],
    ['C+', 'B', false],
    ['A-', 'A', true],
    ['A', 'A+', false], // A+ must be met exactly
    ['A+', 'A+', true],
    ['B', 'B-', true],
    ['C+', 'B-', false],
    ['D-', 'E', true], // E sits between D and F
    ['F', 'E', false],
    ['F', 'F', true],
    ['D-', 'D', true],
  ];
  it.each(cases)('%s meets %s: %s', (grade, minimum, expected) => {
    expect(meetsGrade(grade as Parameters<typeof meetsGrade>[0], minimum)).toBe(expected);
  });
});

describe('MINIMUM_GRADES', () => {
  it('lists every grade best first, with E between D- and F', () => {
    expect(MINIMUM_GRADES).toEqual(['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'E', 'F']);
  });
});
