import { DiffIndex, normalizePath } from '../../src/diff/diff-index.js';
import { changedFilesFromApi } from '../../src/diff/api.js';
import type { FilterMode } from '../../src/diff/types.js';
import { TWO_HUNKS } from './fixtures.js';

// deploy.yaml: TWO_HUNKS (new lines 1-5 with 3 added, new lines 21-27 with 24, 25 added), then
// hunk 3, a pure deletion after line 40.
const DEPLOY = [...TWO_HUNKS, '@@ -40,2 +40,0 @@', '-  x: 1', '-  y: 2'].join('\n');

const index = new DiffIndex(
  changedFilesFromApi([
    { filename: 'k8s/deploy.yaml', status: 'modified', patch: DEPLOY },
    // a file appended to: lines 10-12 added at the end
    { filename: 'k8s/svc.yaml', status: 'modified', patch: '@@ -8,2 +8,5 @@\n a\n b\n+c\n+d\n+e' },
    { filename: 'k8s/huge.yaml', status: 'added' },
    { filename: 'k8s/blob.yaml', status: 'modified' },
    { filename: 'k8s/gone.yaml', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
    { filename: 'k8s/moved.yaml', status: 'renamed', previous_filename: 'old/moved.yaml', patch: '' },
  ]),
);

type Row = [
  path: string,
  line: number,
  endLine: number | undefined,
  added: boolean,
  context: boolean,
  file: boolean,
];

describe('DiffIndex.inFilter', () => {
  const rows: Row[] = [
    ['k8s/deploy.yaml', 3, undefined, true, true, true],
    ['k8s/deploy.yaml', 2, undefined, false, true, true],
    ['k8s/deploy.yaml', 1, 2, false, true, true],
    ['k8s/deploy.yaml', 2, 3, true, true, true],
    ['k8s/deploy.yaml', 5, undefined, false, true, true],
    ['k8s/deploy.yaml', 6, undefined, false, false, true],
    ['k8s/deploy.yaml', 6, 20, false, false, true],
    ['k8s/deploy.yaml', 6, 21, false, true, true],
    ['k8s/deploy.yaml', 20, 30, true, true, true],
    ['k8s/deploy.yaml', 21, 23, false, true, true],
    ['k8s/deploy.yaml', 25, undefined, true, true, true],
    ['k8s/deploy.yaml', 27, undefined, false, true, true],
    ['k8s/deploy.yaml', 28, undefined, false, false, true],
    ['k8s/deploy.yaml', 39, 41, false, false, true],
    ['k8s/deploy.yaml', 40, undefined, false, false, true],
    ['k8s/svc.yaml', 12, undefined, true, true, true],
    ['k8s/svc.yaml', 11, 99, true, true, true],
    ['k8s/svc.yaml', 13, undefined, false, false, true],
    ['k8s/svc.yaml', 7, undefined, false, false, true],
    ['k8s/huge.yaml', 500, undefined, true, true, true],
    ['k8s/blob.yaml', 1, undefined, false, false, true],
    ['k8s/moved.yaml', 1, undefined, false, false, true],
    ['k8s/gone.yaml', 1, undefined, false, false, false],
    ['k8s/other.yaml', 3, undefined, false, false, false],
    ['./k8s/deploy.yaml', 3, undefined, true, true, true],
    ['k8s\\deploy.yaml', 3, undefined, true, true, true],
    ['k8s/deploy.yaml', 4, 2, false, true, true],
  ];
  it.each(rows)(
    '%s %i-%s: added %s, diff_context %s, file %s',
    (path, line, endLine, added, context, file) => {
      const results = (['added', 'diff_context', 'file', 'nofilter'] as FilterMode[]).map((mode) =>
        index.inFilter(mode, path, line, endLine),
      );
      expect(results).toEqual([added, context, file, true]);
    },
  );
});

describe('DiffIndex.commentableRange', () => {
  it.each([
    ['k8s/deploy.yaml', 3, undefined, { line: 3 }],
    ['k8s/deploy.yaml', 1, 5, { line: 5, startLine: 1 }],
    ['k8s/deploy.yaml', 24, 25, { line: 25, startLine: 24 }],
    ['k8s/deploy.yaml', 21, 21, { line: 21 }],
    ['k8s/deploy.yaml', 4, 9, { line: 5 }],
    ['k8s/deploy.yaml', 3, 22, { line: 22 }],
    ['k8s/deploy.yaml', 19, 23, { line: 23 }],
    ['k8s/deploy.yaml', 27, 30, { line: 27 }],
    ['k8s/deploy.yaml', 6, 20, undefined],
    ['k8s/deploy.yaml', 28, undefined, undefined],
    ['k8s/deploy.yaml', 40, undefined, undefined],
    ['k8s/svc.yaml', 8, 12, { line: 12, startLine: 8 }],
    ['k8s/svc.yaml', 12, 14, { line: 12 }],
    ['k8s/huge.yaml', 1, undefined, undefined],
    ['k8s/blob.yaml', 1, undefined, undefined],
    ['k8s/gone.yaml', 1, undefined, undefined],
    ['k8s/other.yaml', 1, undefined, undefined],
  ])('%s %i-%s → %j', (path, line, endLine, expected) => {
    expect(index.commentableRange(path, line, endLine)).toEqual(expected);
  });

  it('never returns a startLine key for a single line', () => {
    expect(Object.keys(index.commentableRange('k8s/deploy.yaml', 3, 3) ?? {})).toEqual(['line']);
  });
});

describe('DiffIndex.get and normalizePath', () => {
  it('looks files up by normalized path, leaving removed files out', () => {
    expect(index.get('./k8s/moved.yaml')?.previousPath).toBe('old/moved.yaml');
    expect(index.get('k8s/gone.yaml')).toBeUndefined();
  });

  it.each([
    ['k8s/a.yaml', 'k8s/a.yaml'],
    ['./k8s/a.yaml', 'k8s/a.yaml'],
    ['/k8s/a.yaml', 'k8s/a.yaml'],
    ['k8s\\sub\\a.yaml', 'k8s/sub/a.yaml'],
    ['././a.yaml', 'a.yaml'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});
