import { parseGitDiff } from '../../src/diff/git-diff.js';
import { unquotePath } from '../../src/diff/quoted-path.js';

const text = (...lines: string[]) => lines.join('\n') + '\n';
/** A compact view: path, previousPath, status, hunk count (or "none") and the new-side line numbers. */
const summary = (diff: string) =>
  parseGitDiff(diff).map((f) => ({
    path: f.path,
    ...(f.previousPath !== undefined && { previousPath: f.previousPath }),
    status: f.status,
    hunks: f.hunks ? f.hunks.length : 'none',
    added: [...f.lines.added],
    context: [...f.lines.context],
  }));

// `git diff --cached -M --unified=1` output of a real repository.
const MIXED = text(
  'diff --git a/bin.dat b/bin.dat',
  'index bdc955b..8835708 100644',
  'Binary files a/bin.dat and b/bin.dat differ',
  'diff --git a/empty.yaml b/empty.yaml',
  'new file mode 100644',
  'index 0000000..e69de29',
  'diff --git a/gone.yaml b/gone.yaml',
  'deleted file mode 100644',
  'index 8cd6471..0000000',
  '--- a/gone.yaml',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-gone: 1',
  'diff --git a/mode.sh b/mode.sh',
  'old mode 100644',
  'new mode 100755',
  'diff --git a/my file.yaml b/my file.yaml',
  'index 587be6b..b77b4eb 100644',
  '--- a/my file.yaml\t',
  '+++ b/my file.yaml\t',
  '@@ -1 +1,2 @@',
  ' x',
  '+y',
  'diff --git a/new dir.yaml b/new dir.yaml',
  'new file mode 100644',
  'index 0000000..db46ac5',
  '--- /dev/null',
  '+++ b/new dir.yaml\t',
  '@@ -0,0 +1 @@',
  '+n: 1',
  'diff --git a/old.yaml b/new.yaml',
  'similarity index 80%',
  'rename from old.yaml',
  'rename to new.yaml',
  'index e5e3f2b..0633d0d 100644',
  '--- a/old.yaml',
  '+++ b/new.yaml',
  '@@ -4,3 +4,3 @@ c: 3',
  ' d: 4',
  '-e: 5',
  '+e: 50',
  ' f: 6',
  'diff --git "a/t\\303\\251st.yaml" "b/t\\303\\251st.yaml"',
  'index 706dfdb..23951d0 100644',
  '--- "a/t\\303\\251st.yaml"',
  '+++ "b/t\\303\\251st.yaml"',
  '@@ -1 +1 @@',
  '-k: v',
  '+k: w',
);

describe('parseGitDiff', () => {
  it('parses binary, empty new, deleted, mode-only, spaced, new, renamed and quoted unicode files', () => {
    expect(summary(MIXED)).toEqual([
      { path: 'bin.dat', status: 'modified', hunks: 'none', added: [], context: [] },
      { path: 'empty.yaml', status: 'added', hunks: 0, added: [], context: [] },
      { path: 'gone.yaml', status: 'removed', hunks: 1, added: [], context: [] },
      { path: 'mode.sh', status: 'changed', hunks: 0, added: [], context: [] },
      { path: 'my file.yaml', status: 'modified', hunks: 1, added: [2], context: [1] },
      { path: 'new dir.yaml', status: 'added', hunks: 1, added: [1], context: [] },
      {
        path: 'new.yaml',
        previousPath: 'old.yaml',
        status: 'renamed',
        hunks: 1,
        added: [5],
        context: [4, 6],
      },
      { path: 'tést.yaml', status: 'modified', hunks: 1, added: [1], context: [] },
    ]);
  });

  it('keeps the hunks with their positions per file', () => {
    const renamed = parseGitDiff(MIXED).find((f) => f.path === 'new.yaml');
    expect(renamed?.hunks).toEqual([
      {
        oldStart: 4,
        oldLines: 3,
        newStart: 4,
        newLines: 3,
        section: 'c: 3',
        lines: [
          { kind: 'context', oldLine: 4, newLine: 4, position: 1 },
          { kind: 'deleted', oldLine: 5, position: 2 },
          { kind: 'added', newLine: 5, position: 3 },
          { kind: 'context', oldLine: 6, newLine: 6, position: 4 },
        ],
      },
    ]);
  });

  it('parses copies, quoted renames with spaces and --unified=0 hunks', () => {
    const diff = text(
      'diff --git a/c.yaml b/d.yaml',
      'similarity index 100%',
      'copy from c.yaml',
      'copy to d.yaml',
      'diff --git a/a b.yaml "b/\\303\\261 dir/x y.yaml"',
      'similarity index 100%',
      'rename from a b.yaml',
      'rename to "\\303\\261 dir/x y.yaml"',
      'diff --git "a/\\303\\261 dir/x y.yaml" "b/\\303\\261 dir/x y.yaml"',
      'index 7898192..f7fbeb1 100644',
      '--- "a/\\303\\261 dir/x y.yaml"\t',
      '+++ "b/\\303\\261 dir/x y.yaml"\t',
      '@@ -1,0 +2 @@ a',
      '+line',
      '@@ -7,2 +7,0 @@',
      '-p',
      '-q',
    );
    expect(summary(diff)).toEqual([
      { path: 'd.yaml', previousPath: 'c.yaml', status: 'copied', hunks: 0, added: [], context: [] },
      {
        path: 'ñ dir/x y.yaml',
        previousPath: 'a b.yaml',
        status: 'renamed',
        hunks: 0,
        added: [],
        context: [],
      },
      { path: 'ñ dir/x y.yaml', status: 'modified', hunks: 2, added: [2], context: [] },
    ]);
  });

  it('skips a commit header and a combined diff, and parses CRLF output', () => {
    const diff = text(
      'commit 0123456789abcdef',
      'Author: a <a@b>',
      '',
      '    message',
      '',
      'diff --cc merged.yaml',
      'index 1..2',
      '@@@ -1,1 -1,1 +1,1 @@@',
      '- a',
      ' -b',
      '++c',
      'diff --git a/k.yaml b/k.yaml',
      'index 1..2 100644',
      '--- a/k.yaml',
      '+++ b/k.yaml',
      '@@ -1,2 +1,2 @@',
      '--- not a header',
      '+kind: Pod',
      ' x',
    ).replace(/\n/g, '\r\n');
    expect(summary(diff)).toEqual([
      { path: 'k.yaml', status: 'modified', hunks: 1, added: [1], context: [2] },
    ]);
  });

  it('reads a binary patch (--binary) without taking its data for headers', () => {
    const diff = text(
      'diff --git a/logo.png b/logo.png',
      'new file mode 100644',
      'index 0000000..e3b0c44',
      'GIT binary patch',
      'literal 4',
      'LcmZQzWMT#Y01f~L',
      '',
      'literal 0',
      'HcmV?d00001',
      '',
      'diff --git a/x b/x',
      'index 1..2 100644',
      '--- a/x',
      '+++ b/x',
      '@@ -1 +1 @@',
      '-1',
      '+2',
    );
    expect(summary(diff)).toEqual([
      { path: 'logo.png', status: 'added', hunks: 'none', added: [], context: [] },
      { path: 'x', status: 'modified', hunks: 1, added: [1], context: [] },
    ]);
  });

  it('returns no files for empty output', () => {
    expect(parseGitDiff('')).toEqual([]);
  });

  it('throws on a malformed hunk', () => {
    expect(() =>
      parseGitDiff(text('diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,2 +1,2 @@', ' a')),
    ).toThrow('malformed patch: hunk "@@ -1,2 +1,2 @@" is truncated');
  });
});

describe('unquotePath', () => {
  it.each([
    ['plain/path.yaml', 'plain/path.yaml'],
    ['"t\\303\\251st.yaml"', 'tést.yaml'],
    ['"tab\\there \\"q\\" back\\\\slash"', 'tab\there "q" back\\slash'],
    ['"\\360\\237\\232\\200.yaml"', '🚀.yaml'],
    ['"🚀 raw.yaml"', '🚀 raw.yaml'],
    ['"unterminated', '"unterminated'],
    ['"bad \\q escape"', '"bad \\q escape"'],
  ])('%s', (input, expected) => {
    expect(unquotePath(input)).toBe(expected);
  });
});
