import {
  checkAnnotation,
  CHECK_OUTPUT_LIMIT,
  planCheckRun,
  TRUNCATED_NOTE,
  truncateText,
} from '../../src/annotations/index.js';
import { finding } from './helpers.js';

const rules = [
  {
    id: 'privileged',
    title: 'Privileged container',
    helpUri: 'https://docs/privileged',
    remediation: 'Set it false.',
  },
];

describe('checkAnnotation', () => {
  it('maps a single-line finding with columns, title and details', () => {
    expect(checkAnnotation(finding(), rules[0])).toEqual({
      path: 'deploy/app.yaml',
      start_line: 10,
      end_line: 10,
      start_column: 7,
      end_column: 22,
      annotation_level: 'failure',
      title: 'privileged: Privileged container',
      message: 'Container runs privileged',
      raw_details: 'Set it false.\n\nDocs: https://docs/privileged',
    });
  });

  it('drops columns on multi-line findings and details for unknown rules', () => {
    expect(checkAnnotation(finding({ line: 4, endLine: 6, severity: 'medium' }), undefined)).toEqual({
      path: 'deploy/app.yaml',
      start_line: 4,
      end_line: 6,
      annotation_level: 'warning',
      title: 'privileged',
      message: 'Container runs privileged',
    });
  });

  it.each([
    ['critical', 'failure'],
    ['high', 'failure'],
    ['medium', 'warning'],
    ['low', 'warning'],
    ['info', 'notice'],
  ] as const)('maps %s to %s', (severity, level) => {
    expect(checkAnnotation(finding({ severity }), undefined).annotation_level).toBe(level);
  });

  it('clips titles to 255 characters', () => {
    const title = checkAnnotation(finding(), { id: 'privileged', title: 'x'.repeat(300) }).title;
    expect(title).toHaveLength(255);
    expect(title.endsWith('x…')).toBe(true);
  });
});

describe('planCheckRun', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => finding({ line: i + 1, endLine: i + 1, fingerprint: `fp-${i}` }));

  it.each([
    [0, []],
    [1, [1]],
    [49, [49]],
    [50, [50]],
    [51, [50, 1]],
    [101, [50, 50, 1]],
  ])('batches %i annotations as %j', (count, sizes) => {
    const plan = planCheckRun(many(count), { rules, summary: 's' });
    expect(plan.batches.map((batch) => batch.length)).toEqual(sizes);
    expect(plan.batches.flat().map((a) => a.start_line)).toEqual(
      Array.from({ length: count }, (_, i) => i + 1),
    );
  });

  it('honours maxPerRequest and rejects nonsense', () => {
    expect(
      planCheckRun(many(5), { rules, summary: '', maxPerRequest: 2 }).batches.map((b) => b.length),
    ).toEqual([2, 2, 1]);
    expect(() => planCheckRun([], { rules, summary: '', maxPerRequest: 0 })).toThrow(RangeError);
  });

  it('sorts worst first, skips suppressed findings and lists them in the default text', () => {
    const plan = planCheckRun(
      [
        finding({ severity: 'low', ruleId: 'r-low', file: 'a.yaml', line: 2, endLine: 2 }),
        finding({ severity: 'critical', ruleId: 'privileged', file: 'b.yaml', message: 'two\nlines' }),
        finding({ severity: 'critical', suppressed: { reason: 'r', source: 's' } }),
      ],
      { rules, summary: 'Summary' },
    );
    expect(plan.batches[0]?.map((a) => a.title)).toEqual(['privileged: Privileged container', 'r-low']);
    expect(plan.summary).toBe('Summary');
    expect(plan.text).toBe(
      '- **critical** `privileged` b.yaml:10: two lines\n- **low** `r-low` a.yaml:2: Container runs privileged',
    );
  });

  it('uses a given text, truncated like the summary', () => {
    const long = `${'row\n'.repeat(20_000)}`;
    const plan = planCheckRun([], { rules, summary: long, text: 'given' });
    expect(plan.text).toBe('given');
    expect(plan.summary.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
    expect(plan.summary.endsWith(`row\n\n${TRUNCATED_NOTE}`)).toBe(true);
  });

  it('keeps a summary of exactly 65,535 characters and truncates one of 65,536', () => {
    const exact = 'a'.repeat(CHECK_OUTPUT_LIMIT);
    expect(planCheckRun([], { rules, summary: exact }).summary).toBe(exact);
    const over = planCheckRun([], { rules, summary: `${exact}a` }).summary;
    expect(over).toBe(`${'a'.repeat(CHECK_OUTPUT_LIMIT - TRUNCATED_NOTE.length - 2)}\n\n${TRUNCATED_NOTE}`);
    expect(over).toHaveLength(CHECK_OUTPUT_LIMIT);
  });
});

describe('truncateText', () => {
  it('cuts at the last line break that leaves room for the note', () => {
    expect(truncateText('aaaa\nbbbb\ncccc', 12, 'N')).toBe('aaaa\n\nN');
    expect(truncateText('aaaa\nbbbb\ncccc', 13, 'N')).toBe('aaaa\nbbbb\n\nN');
    expect(truncateText('aaaa\nbbbb\ncccc', 14, 'N')).toBe('aaaa\nbbbb\ncccc');
  });

  it('never splits a surrogate pair and never exceeds the limit', () => {
    expect(truncateText('ab😀cde', 6, 'N')).toBe('ab\n\nN');
    expect(truncateText('abcdef', 2, 'NOTE')).toBe('NO');
  });
});
