import { CheckoutLineMap } from '../../src/diff/line-map.js';
import { parseGitDiff } from '../../src/diff/git-diff.js';

// `git diff --no-renames --unified=0 <head> <merge>` of a real repository: since the pull request branched
// off, the base branch added two lines under k.yaml's line 1, changed its line 5, deleted its lines 8 and
// 9, and added new.yaml.
const CHECKOUT_DIFF = [
  'diff --git a/k.yaml b/k.yaml',
  'index 01f84f8..22204f1 100644',
  '--- a/k.yaml',
  '+++ b/k.yaml',
  '@@ -1,0 +2,2 @@ l1',
  '+b1',
  '+b2',
  '@@ -5 +7 @@ l4',
  '-l5',
  '+B5',
  '@@ -8,2 +9,0 @@ l7',
  '-l8',
  '-l9',
  'diff --git a/new.yaml b/new.yaml',
  'new file mode 100644',
  'index 0000000..2fe4df4',
  '--- /dev/null',
  '+++ b/new.yaml',
  '@@ -0,0 +1,2 @@',
  '+n1',
  '+n2',
  '',
].join('\n');

describe('CheckoutLineMap', () => {
  const map = new CheckoutLineMap(parseGitDiff(CHECKOUT_DIFF));

  it("moves every line the base branch left alone to the head's line, and has none for its own lines", () => {
    // Checkout k.yaml: l1 b1 b2 l2 l3 l4 B5 l6 l7 l10; head k.yaml: l1 … l10.
    expect(Array.from({ length: 10 }, (_, i) => map.toHead('k.yaml', i + 1))).toEqual([
      1,
      undefined,
      undefined,
      2,
      3,
      4,
      undefined,
      6,
      7,
      10,
    ]);
  });

  it('has no head line for a file only the checkout has, and keeps the lines of files alike in both', () => {
    expect(map.toHead('new.yaml', 1)).toBeUndefined();
    expect(map.toHead('other.yaml', 12)).toBe(12);
    expect(map.toHead('./k.yaml', 4)).toBe(2);
    expect(map.size).toBe(2);
  });

  it('has no head line in a binary file that differs', () => {
    const binary = new CheckoutLineMap(
      parseGitDiff(
        'diff --git a/x.json b/x.json\nindex 1..2 100644\nBinary files a/x.json and b/x.json differ\n',
      ),
    );
    expect(binary.toHead('x.json', 1)).toBeUndefined();
  });
});
