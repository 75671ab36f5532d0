import type { Finding, LetterGrade, ReportSummary, RuleSummary } from '@shiftdown/policy-core';
import { gateReasons } from '../src/gate.js';
import { shortRemediation, violationLine } from '../src/message.js';

const FINDING: Finding = {
  ruleId: 'my-rule',
  severity: 'high',
  category: 'isolation',
  message: 'Something is wrong',
  file: 'k8s/a.yaml',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 2,
  resource: { kind: 'Pod' },
  fingerprint: 'x',
};

const RULE: RuleSummary = {
  id: 'my-rule',
  title: 't',
  severity: 'high',
  category: 'isolation',
  helpUri: 'https://example.com/my-rule',
  description: 'd',
  remediation: '',
};

/** The parts of a summary the gate reads. */
function summary(score: number, grade: LetterGrade): ReportSummary {
  return { score, grade } as ReportSummary;
}

describe('gateReasons', () => {
  it.each<[LetterGrade, LetterGrade, boolean]>([
    ['A+', 'A+', true],
    ['A', 'A+', false],
    ['A-', 'A', true],
    ['B+', 'A', false],
    ['B+', 'B', true],
    ['B-', 'B', true],
    ['C+', 'B', false],
    ['B', 'B+', false],
    ['B+', 'B+', true],
    ['A+', 'B-', true],
    ['C-', 'C', true],
    ['D-', 'D', true],
    ['F', 'D-', false],
    ['F', 'F', true],
  ])('grade %s against minGrade %s passes: %s', (grade, minimum, passes) => {
    const reasons = gateReasons(
      { findings: [], summary: summary(90, grade) },
      { failOn: 'none', minGrade: minimum },
      0,
    );
    expect(reasons).toEqual(passes ? [] : [`grade ${grade} is below the minimum ${minimum}`]);
  });

  it('gives every reason in order: failOn, minScore, minGrade, then unparsed and unreadable files', () => {
    const parseError: Finding = { ...FINDING, ruleId: 'parse-error', file: 'k8s/broken.yaml' };
    const report = {
      findings: [FINDING, parseError, { ...parseError, line: 9 }],
      summary: summary(80, 'B-'),
    };
    expect(gateReasons(report, { failOn: 'high', minScore: 85, minGrade: 'B+' }, 2)).toEqual([
      '1 finding at or above high',
      'score 80 is below the minimum 85',
      'grade B- is below the minimum B+',
      '1 file could not be parsed',
      '2 files could not be read',
    ]);
  });
});

describe('shortRemediation', () => {
  it('keeps the prose before the YAML example, without the colon that introduces it', () => {
    expect(
      shortRemediation(
        'Set it on every container:\n\n```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n```',
      ),
    ).toBe('Set it on every container.');
  });
  it('keeps only the first paragraph, on one line', () => {
    expect(shortRemediation('Remove the field\nfrom the pod.\n\nWorkloads that need it keep it.')).toBe(
      'Remove the field from the pod.',
    );
  });
  it('cuts a long paragraph at 200 characters', () => {
    const text = shortRemediation(`${'word '.repeat(60)}end.`);
    expect(text).toHaveLength(200);
    expect(text.endsWith('word…')).toBe(true);
  });
  it('is empty for an empty remediation (the line then has only the docs link)', () => {
    expect(shortRemediation('')).toBe('');
  });
});

describe('violationLine', () => {
  it('has only the docs link when the remediation is empty, and neither without the rule', () => {
    expect(violationLine(FINDING, RULE)).toBe(
      'my-rule (high) k8s/a.yaml:3 — Something is wrong. Fix: https://example.com/my-rule',
    );
    expect(violationLine(FINDING, undefined)).toBe('my-rule (high) k8s/a.yaml:3 — Something is wrong.');
  });
});
