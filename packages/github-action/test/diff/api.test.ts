import { changedFilesFromApi } from '../../src/diff/api.js';

describe('changedFilesFromApi', () => {
  it('maps pulls.listFiles items, parsing patches and keeping files without one', () => {
    const files = changedFilesFromApi([
      { filename: 'k8s/web.yaml', status: 'modified', patch: '@@ -2,2 +2,3 @@\n a\n+b\n c' },
      { filename: 'k8s/new.yaml', status: 'renamed', previous_filename: 'k8s/old.yaml', patch: '' },
      { filename: 'huge.yaml', status: 'added' },
      { filename: 'logo.png', status: 'modified', patch: null },
      { filename: 'broken.yaml', status: 'modified', patch: 'not a patch' },
      { filename: 'same.yaml', status: 'unchanged' },
      { filename: 'gone.yaml', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
    ]);
    expect(
      files.map((f) => [
        f.path,
        f.previousPath,
        f.status,
        f.hunks?.length,
        [...f.lines.added],
        [...f.lines.context],
      ]),
    ).toEqual([
      ['k8s/web.yaml', undefined, 'modified', 1, [3], [2, 4]],
      ['k8s/new.yaml', 'k8s/old.yaml', 'renamed', 0, [], []],
      ['huge.yaml', undefined, 'added', undefined, [], []],
      ['logo.png', undefined, 'modified', undefined, [], []],
      ['broken.yaml', undefined, 'modified', undefined, [], []],
      ['same.yaml', undefined, 'changed', undefined, [], []],
      ['gone.yaml', undefined, 'removed', 1, [], []],
    ]);
    expect('previousPath' in (files[0] as object)).toBe(false);
    expect('hunks' in (files[2] as object)).toBe(false);
  });
});
