import { parseHunkHeader, parsePatch } from '../../src/diff/patch.js';
import type { HunkLine } from '../../src/diff/types.js';
import { TWO_HUNKS } from './fixtures.js';

const patch = (...lines: string[]) => lines.join('\n');
const ctx = (oldLine: number, newLine: number, position: number): HunkLine => ({
  kind: 'context',
  oldLine,
  newLine,
  position,
});
const add = (newLine: number, position: number): HunkLine => ({ kind: 'added', newLine, position });
const del = (oldLine: number, position: number): HunkLine => ({ kind: 'deleted', oldLine, position });

const MULTI = patch(...TWO_HUNKS);

describe('parseHunkHeader', () => {
  it.each([
    ['@@ -1,4 +1,5 @@', { oldStart: 1, oldLines: 4, newStart: 1, newLines: 5, section: '' }],
    ['@@ -1 +1 @@', { oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, section: '' }],
    ['@@ -0,0 +1,3 @@', { oldStart: 0, oldLines: 0, newStart: 1, newLines: 3, section: '' }],
    [
      '@@ -7,2 +6,0 @@ kind: Service',
      { oldStart: 7, oldLines: 2, newStart: 6, newLines: 0, section: 'kind: Service' },
    ],
    ['@@ -3 +3,2 @@', { oldStart: 3, oldLines: 1, newStart: 3, newLines: 2, section: '' }],
  ])('%s', (line, expected) => {
    expect(parseHunkHeader(line)).toEqual(expected);
  });

  it.each(['@@ -1,4 +1,5', '@@@ -1 -1 +1 @@@', ' @@ -1 +1 @@', '--- a/x'])('rejects %s', (line) => {
    expect(parseHunkHeader(line)).toBeUndefined();
  });
});

describe('parsePatch', () => {
  it('returns no hunks for an empty patch', () => {
    expect(parsePatch('')).toEqual([]);
    expect(parsePatch('\n')).toEqual([]);
  });

  it('parses a multi-hunk patch with positions counted across hunk headers', () => {
    expect(parsePatch(MULTI)).toEqual([
      {
        oldStart: 1,
        oldLines: 4,
        newStart: 1,
        newLines: 5,
        section: '',
        lines: [ctx(1, 1, 1), ctx(2, 2, 2), add(3, 3), ctx(3, 4, 4), ctx(4, 5, 5)],
      },
      {
        oldStart: 20,
        oldLines: 6,
        newStart: 21,
        newLines: 7,
        section: 'spec:',
        lines: [
          ctx(20, 21, 7),
          ctx(21, 22, 8),
          ctx(22, 23, 9),
          del(23, 10),
          add(24, 11),
          add(25, 12),
          ctx(24, 26, 13),
          ctx(25, 27, 14),
        ],
      },
    ]);
  });

  it('parses the same patch with CRLF line breaks and a final line break', () => {
    expect(parsePatch(MULTI.replace(/\n/g, '\r\n') + '\r\n')).toEqual(parsePatch(MULTI));
  });

  it('parses omitted counts (@@ -1 +1 @@) and "No newline at end of file" markers', () => {
    const hunks = parsePatch(
      patch(
        '@@ -1 +1 @@',
        '-replicas: 1',
        '\\ No newline at end of file',
        '+replicas: 3',
        '\\ No newline at end of file',
      ),
    );
    expect(hunks).toEqual([
      { oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, section: '', lines: [del(1, 1), add(1, 3)] },
    ]);
  });

  it('parses a new file (additions from the first line)', () => {
    const hunks = parsePatch(patch('@@ -0,0 +1,3 @@', '+a: 1', '+b: 2', '+c: 3'));
    expect(hunks[0]?.lines).toEqual([add(1, 1), add(2, 2), add(3, 3)]);
  });

  it('parses additions at the end of a file after a line that lacked its newline', () => {
    const hunks = parsePatch(
      patch('@@ -9,2 +9,3 @@', ' a: 1', '-b: 2', '\\ No newline at end of file', '+b: 2', '+c: 3'),
    );
    expect(hunks[0]?.lines).toEqual([ctx(9, 9, 1), del(10, 2), add(10, 4), add(11, 5)]);
  });

  it('parses a pure deletion: no new-side lines', () => {
    const hunks = parsePatch(patch('@@ -4,2 +3,0 @@', '-x: 1', '-y: 2'));
    expect(hunks).toEqual([
      { oldStart: 4, oldLines: 2, newStart: 3, newLines: 0, section: '', lines: [del(4, 1), del(5, 2)] },
    ]);
  });

  it('reads deleted lines that look like file headers by the hunk counts', () => {
    const hunks = parsePatch(patch('@@ -1,2 +1,1 @@', '--- a/doc', '-- x', '+++ b/doc'));
    expect(hunks[0]?.lines).toEqual([del(1, 1), del(2, 2), add(1, 3)]);
  });

  it('treats an empty line inside a hunk as a context line whose space was stripped', () => {
    const hunks = parsePatch(patch('@@ -1,3 +1,3 @@', ' a', '', '-b', '+c'));
    expect(hunks[0]?.lines).toEqual([ctx(1, 1, 1), ctx(2, 2, 2), del(3, 3), add(3, 4)]);
  });

  it.each([
    ['no hunk header', 'just text', 'malformed patch: expected a hunk header, got "just text"'],
    ['a truncated hunk', '@@ -1,3 +1,3 @@\n a', 'malformed patch: hunk "@@ -1,3 +1,3 @@" is truncated'],
    ['too many added lines', '@@ -1 +1 @@\n+a\n+b', 'malformed patch: unexpected line "+b"'],
    ['a bad marker', '@@ -1 +1 @@\n*a', 'malformed patch: unexpected line "*a" in hunk "@@ -1 +1 @@"'],
  ])('throws on %s', (_name, text, message) => {
    expect(() => parsePatch(text)).toThrow(message);
  });
});
