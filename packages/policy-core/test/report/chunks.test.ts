import { formatReport, formatReportChunks, REPORT_FORMATS } from '../../src/report/index.js';
import { jsonChunks, LazyArray } from '../../src/report/json-chunks.js';
import { formatText } from '../../src/report/text.js';
import type { Finding, Report } from '../../src/types.js';
import { buildReport } from './fixture.js';

const REPORT = buildReport();

/** The formats written in pieces; Markdown comes as one piece (see below). */
const STREAMED_FORMATS = ['json', 'sarif', 'text', 'junit'] as const;

describe('formatReportChunks', () => {
  it('streams every format but Markdown', () => {
    expect(
      REPORT_FORMATS.filter((format) => !(STREAMED_FORMATS as readonly string[]).includes(format)),
    ).toEqual(['markdown']);
  });

  it('writes JUnit a test case at a time', () => {
    const chunks = [...formatReportChunks(REPORT, 'junit', { failOn: 'high' })];
    const cases = chunks.filter((chunk) => chunk.startsWith('    <testcase '));
    expect(cases.length).toBeGreaterThan(0);
    expect(cases).toHaveLength(
      formatReport(REPORT, 'junit', { failOn: 'high' }).match(/<testcase /g)!.length,
    );
    expect(chunks.every((chunk) => chunk.endsWith('\n'))).toBe(true);
  });

  it.each(STREAMED_FORMATS)('joins to exactly what formatReport writes (%s)', (format) => {
    const options = { helpUriBase: 'https://docs.example/rules', color: false, failOn: 'high' as const };
    const chunks = [...formatReportChunks(REPORT, format, options)];
    expect(chunks.join('')).toBe(formatReport(REPORT, format, options));
  });

  it.each(STREAMED_FORMATS)(
    'joins to exactly what formatReport writes with colour and suppressed findings shown (%s)',
    (format) => {
      const options = { color: true, showSuppressed: true };
      expect([...formatReportChunks(REPORT, format, options)].join('')).toBe(
        formatReport(REPORT, format, options),
      );
    },
  );

  it.each([['markdown', '## ']] as const)('writes %s as one piece, the whole report', (format, start) => {
    const options = { color: true, showSuppressed: true, failOn: 'high' as const };
    const chunks = [...formatReportChunks(REPORT, format, options)];
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toBe(formatReport(REPORT, format, options));
    expect(chunks[0]!.startsWith(start)).toBe(true);
  });

  it('writes text a line at a time', () => {
    const lines = [...formatReportChunks(REPORT, 'text')];
    expect(lines.length).toBeGreaterThan(REPORT.findings.filter((f) => !f.suppressed).length);
    expect(lines.every((line) => line.endsWith('\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
  });

  it('writes JSON and SARIF a finding at a time', () => {
    const json = [...formatReportChunks(REPORT, 'json')];
    expect(json.length).toBeGreaterThan(2 * REPORT.findings.length);
    expect(json.every((chunk) => chunk.length < 4000)).toBe(true);
    expect([...formatReportChunks(REPORT, 'sarif')].length).toBeGreaterThan(2 * REPORT.findings.length);
  });
});

describe('jsonChunks', () => {
  const samples: [string, unknown][] = [
    [
      'nested data',
      { a: [1, { b: [], c: {}, d: [[], [{}]] }, 'x\ny "quoted"'], e: null, f: { g: { h: { i: { j: 1 } } } } },
    ],
    [
      'undefined, functions and symbols',
      { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, Symbol('t'), 2] },
    ],
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}] }],
    ['a top-level array', [1, [2, [3, [4, [5]]]], { k: 'v' }]],
    ['strings that need escapes', { '\u0001key': '\u2028\ud800\t', 'x"y': '\\' }],
    ['integer-like keys', { b: 1, 2: 'two', 1: 'one', a: 0 }],
  ];
  it.each(samples)('is JSON.stringify(value, null, 2) at every depth (%s)', (_, value) => {
    for (const depth of [0, 1, 2, 3, 6])
      expect([...jsonChunks(value, depth)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writes a LazyArray as the array it maps to, at every depth, making each item as it is written', () => {
    const made: number[] = [];
    const lazy = new LazyArray([1, 2, 3], (n) => {
      made.push(n);
      return { n, list: [n, { twice: n * 2 }] };
    });
    const mapped = [1, 2, 3].map((n) => ({ n, list: [n, { twice: n * 2 }] }));
    for (const depth of [0, 1, 2, 3, 6]) {
      made.length = 0;
      const value = { before: 1, items: lazy, empty: new LazyArray([], (n: number) => n), after: [lazy] };
      const expected = JSON.stringify({ before: 1, items: mapped, empty: [], after: [mapped] }, null, 2);
      expect([...jsonChunks(value, depth)].join('')).toBe(expected);
      expect(made).toEqual([1, 2, 3, 1, 2, 3]);
    }
    const pieces = jsonChunks({ items: lazy }, 3);
    made.length = 0;
    for (const piece of pieces) if (piece.includes('"twice"')) break;
    expect(made).toEqual([1]);
  });
});

describe('formatText on a very large report', () => {
  it('lays out more rows than a function call can take arguments', () => {
    const [first] = REPORT.findings as Finding[];
    const findings = Array.from({ length: 200_000 }, (_, i) => ({
      ...first!,
      file: 'big.yaml',
      line: i + 1,
      fingerprint: String(i),
    }));
    const big: Report = {
      ...REPORT,
      files: [{ path: 'big.yaml', documents: 1, errors: [], skipped: [] }],
      findings,
    };
    const text = formatText(big, { color: false });
    expect(text.split('\n').filter((line) => line.includes(first!.ruleId))).toHaveLength(200_000);
    expect(text).toContain('  200000:');
  });
});
