import { computeScores, ScoreTally } from '../../src/score/compute.js';
import { SubjectNumbers, SubjectSet } from '../../src/score/subject-table.js';
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

describe('ScoreTally (scores counted as the scan goes)', () => {
  it('scores resource ids (kept in typed arrays) and file subjects alike', () => {
    const evaluations = [
      { subject: 0, ruleId: 'med' },
      { subject: 1, ruleId: 'med' },
      { subject: 70_000, ruleId: 'low' },
      { subject: 'file:a.yaml', ruleId: 'med' },
      { subject: 2, ruleId: 'info' },
      { subject: 1.5, ruleId: 'med' },
    ];
    const failures = [
      { subject: 1, ruleId: 'med', severity: 'medium' as const },
      { subject: 1, ruleId: 'med', severity: 'medium' as const },
      { subject: 'file:a.yaml', ruleId: 'med', severity: 'high' as const },
      { subject: 2, ruleId: 'info', severity: 'info' as const },
    ];
    const tally = new ScoreTally(rules);
    for (const e of evaluations) tally.evaluated(e.subject, e.ruleId);
    for (const f of failures) tally.failed(f.subject, f.ruleId, f.severity);
    expect(tally.subject(0)).toEqual({ score: 100, grade: 'A+', findings: 0 });
    expect(tally.subject(1)).toEqual({ score: 0, grade: 'F', findings: 2 });
    expect(tally.subject(2)).toEqual({ score: 100, grade: 'A+', findings: 1 });
    expect(tally.subject(70_000)).toEqual({ score: 100, grade: 'A+', findings: 0 });
    expect(tally.subject('file:a.yaml')).toEqual({ score: 0, grade: 'F', findings: 1 });
    expect(tally.subject(1.5)).toEqual({ score: 100, grade: 'A+', findings: 0 });
    expect(tally.subject(3)).toBeUndefined();
    // med (weight 5) failed on 2 of its 4 subjects, low (2.5) passed: 100 × (2.5 + 2.5) / 7.5 = 66.7;
    // the worst finding is high, whose cap (86) is above that.
    const overall = tally.overall();
    expect(overall).toMatchObject({ score: 66, grade: 'D' });
    expect('cap' in overall).toBe(false);
    // computeScores is a tally fed the same input: its whole result, exactly.
    const result = computeScores({ evaluations, failures, rules });
    expect({ ...result, subjects: [...result.subjects] }).toEqual({
      score: 66,
      grade: 'D',
      categories: [
        { category: 'isolation', title: 'Workload isolation', score: 50, grade: 'F', findings: 4 },
        { category: 'network', title: 'Network segmentation', score: 100, grade: 'A+', findings: 0 },
      ],
      subjects: [
        [0, { score: 100, grade: 'A+', findings: 0 }],
        [1, { score: 0, grade: 'F', findings: 2 }],
        [2, { score: 100, grade: 'A+', findings: 1 }],
        [70_000, { score: 100, grade: 'A+', findings: 0 }],
        ['file:a.yaml', { score: 0, grade: 'F', findings: 1 }],
        [1.5, { score: 100, grade: 'A+', findings: 0 }],
      ],
    });
    expect([...result.subjects.keys()]).toEqual([0, 1, 2, 70_000, 'file:a.yaml', 1.5]);
    tally.dispose();
  });
});

describe('SubjectNumbers and SubjectSet', () => {
  it('add, read, list and release values by subject', () => {
    const numbers = new SubjectNumbers();
    numbers.add(5, 2.5);
    numbers.add(5, 2.5);
    numbers.set('f', 1);
    numbers.reserve(10_000);
    expect(numbers.capacity).toBeGreaterThanOrEqual(10_000);
    expect([numbers.get(5), numbers.get(4), numbers.get('f')]).toEqual([5, undefined, 1]);
    expect([...numbers.subjects()]).toEqual([5, 'f']);
    numbers.dispose();
    expect(numbers.get(5)).toBeUndefined();

    const set = new SubjectSet();
    for (const subject of [3, 3, 'x', 2000, 'x']) set.add(subject);
    expect(set.size).toBe(3);
    expect([set.has(3), set.has(4), set.has('x'), set.has(2000)]).toEqual([true, false, true, true]);
  });
});
