import type { LetterGrade } from '@shiftdown/policy-core';
import { meetsGrade } from '../src/gate.js';
import { shortRemediation, violationLine } from '../src/message.js';

describe('meetsGrade', () => {
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
  ])('grade %s against minimum %s: %s', (grade, minimum, expected) => {
    expect(meetsGrade(grade, minimum)).toBe(expected);
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
    const finding = {
      ruleId: 'my-rule',
      severity: 'high' as const,
      category: 'isolation' as const,
      message: 'Something is wrong',
      file: 'k8s/a.yaml',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 2,
      resource: { kind: 'Pod' },
      fingerprint: 'x',
    };
    const rule = {
      id: 'my-rule',
      title: 't',
      severity: 'high' as const,
      category: 'isolation' as const,
      helpUri: 'https://example.com/my-rule',
      description: 'd',
      remediation: '',
    };
    expect(violationLine(finding, rule)).toBe(
      'my-rule (high) k8s/a.yaml:3 — Something is wrong. Fix: https://example.com/my-rule',
    );
    expect(violationLine(finding, undefined)).toBe('my-rule (high) k8s/a.yaml:3 — Something is wrong.');
  });
});
