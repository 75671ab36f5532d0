import { computeScores } from '../../src/score/compute.js';
import { letterGrade, applyCaps } from '../../src/score/grade.js';
import { maturityLevel } from '../../src/score/maturity.js';
import type { RuleMeta, Severity } from '../../src/types.js';

function meta(id: string, severity: Severity, extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    title: id,
    severity,
    category: 'isolation',
    description: '',
    rationale: '',
    sources: [],
    remediation: '',
    ...extra,
  };
}

const rules = new Map(
  [
    meta('crit', 'critical'),
    meta('high', 'high'),
    meta('med', 'medium'),
    meta('low', 'low', { category: 'network' }),
    meta('info', 'info'),
  ].map((m) => [m.id, { meta: m, severity: m.severity }] as const),
);

describe('grades', () => {
  it.each([
    [100, 'A+'],
    [97, 'A+'],
    [96, 'A'],
    [90, 'A-'],
    [86, 'B'],
    [66, 'D'],
    [60, 'D-'],
    [59, 'F'],
    [0, 'F'],
  ])('%d is %s', (score, grade) => expect(letterGrade(score)).toBe(grade));

  it('caps scores by the worst severity', () => {
    expect(applyCaps(95, 'critical')).toEqual({ score: 66, cap: 'a critical finding caps the grade at D' });
    expect(applyCaps(95, 'high')).toEqual({ score: 86, cap: 'a high finding caps the grade at B' });
    expect(applyCaps(50, 'critical')).toEqual({ score: 50 });
    expect(applyCaps(95, 'medium')).toEqual({ score: 95 });
  });
});

describe('computeScores', () => {
  it('is 100 when everything passes', () => {
    const result = computeScores({
      evaluations: [{ subject: 'a', ruleId: 'med' }],
      failures: [],
      rules,
    });
    expect(result).toMatchObject({ score: 100, grade: 'A+' });
    expect(result.subjects.get('a')).toEqual({ score: 100, grade: 'A+', findings: 0 });
  });

  it('weights rules by severity and averages pass ratios per rule', () => {
    // med (w 5) fails on 1 of 2 subjects; low (w 2.5) passes everywhere.
    const result = computeScores({
      evaluations: ['a', 'b'].flatMap((subject) => [
        { subject, ruleId: 'med' },
        { subject, ruleId: 'low' },
      ]),
      failures: [{ subject: 'a', ruleId: 'med', severity: 'medium' }],
      rules,
    });
    // 100 × (5 × 0.5 + 2.5 × 1) / 7.5 = 66.67 → 66
    expect(result.score).toBe(66);
    expect(result.subjects.get('a')).toEqual({ score: 33, grade: 'F', findings: 1 });
    expect(result.subjects.get('b')).toEqual({ score: 100, grade: 'A+', findings: 0 });
    expect(result.categories.map((c) => [c.category, c.score])).toEqual([
      ['isolation', 50],
      ['network', 100],
    ]);
  });

  it('counts one failure per rule and subject however many findings it has', () => {
    const result = computeScores({
      evaluations: [
        { subject: 'a', ruleId: 'med' },
        { subject: 'a', ruleId: 'low' },
      ],
      failures: [
        { subject: 'a', ruleId: 'low', severity: 'low' },
        { subject: 'a', ruleId: 'low', severity: 'low' },
      ],
      rules,
    });
    expect(result.score).toBe(66); // 100 × 5 / 7.5
    expect(result.subjects.get('a')!.findings).toBe(2);
    // A category counts every finding of its rules.
    expect(result.categories.map((c) => [c.category, c.findings])).toEqual([
      ['isolation', 0],
      ['network', 2],
    ]);
  });

  it('applies the critical cap', () => {
    const evaluations = Array.from({ length: 50 }, (_, i) => ({ subject: `s${i}`, ruleId: 'crit' }));
    const result = computeScores({
      evaluations,
      failures: [{ subject: 's0', ruleId: 'crit', severity: 'critical' }],
      rules,
    });
    expect(result).toMatchObject({ score: 66, grade: 'D', cap: 'a critical finding caps the grade at D' });
  });

  it('ignores info findings', () => {
    const result = computeScores({
      evaluations: [{ subject: 'a', ruleId: 'info' }],
      failures: [{ subject: 'a', ruleId: 'info', severity: 'info' }],
      rules,
    });
    expect(result.score).toBe(100);
  });
});

describe('maturityLevel', () => {
  const baseline = meta('b', 'high', { pss: { level: 'baseline', check: 'privileged', since: 'v1.0' } });
  const restricted = meta('r', 'medium', {
    pss: { level: 'restricted', check: 'runAsNonRoot', since: 'v1.0' },
  });

  it('is 0 with a critical finding', () => {
    expect(maturityLevel({ evaluated: [baseline], failing: new Map([['x', 'critical']]) })).toEqual({
      level: 0,
      name: 'Ad hoc',
      next: ['no unsuppressed critical findings'],
    });
  });

  it('reaches Baseline when PSS baseline is clean, and says what level 3 needs', () => {
    const level = maturityLevel({ evaluated: [baseline, restricted], failing: new Map([['r', 'medium']]) });
    expect(level.level).toBe(2);
    expect(level.next).toEqual([
      'Pod Security Standards restricted clean',
      'every workload covered by a NetworkPolicy',
      'cloud metadata (IMDS) blocked from pods',
    ]);
  });

  it('gives no credit for requirements whose rules did not run', () => {
    expect(maturityLevel({ evaluated: [], failing: new Map() }).level).toBe(1);
  });
});
