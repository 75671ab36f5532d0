import { normalizePath } from './diff-index.js';
import type { ChangedFile, Hunk } from './types.js';

/**
 * Maps lines of the checked-out commit back to the pull request's head commit.
 *
 * actions/checkout checks out the merge commit of a pull request by default, and the scan sees its
 * files; but annotations, review comments and the PR diff all use the head commit's lines. When the base
 * branch changed a file since the pull request branched off, the two differ: built from
 * `git diff <head> <checkout>`, this shifts every line the base branch did not touch to where it is in the
 * head commit, and has no head line for lines the base branch added or changed.
 */
export class CheckoutLineMap {
  private readonly byPath = new Map<string, ChangedFile>();

  /** `files`: `git diff --no-renames <head> <checkout>`, parsed (old side: head; new side: checkout). */
  constructor(files: readonly ChangedFile[]) {
    for (const file of files) if (file.status !== 'removed') this.byPath.set(normalizePath(file.path), file);
  }

  /** The files whose lines differ between the checkout and the head. */
  get size(): number {
    return this.byPath.size;
  }

  /** The head commit's line for the checkout's `line` of `path`, or undefined when the head has none. */
  toHead(path: string, line: number): number | undefined {
    const file = this.byPath.get(normalizePath(path));
    if (!file) return line;
    // A binary file, or one the head does not have: no line of it is in the head.
    if (file.hunks === undefined || file.status === 'added') return undefined;
    let shift = 0;
    for (const hunk of file.hunks) {
      const { first, end } = newSide(hunk);
      if (line < first) break;
      if (line < end) return undefined;
      shift = oldSide(hunk).end - end;
    }
    return line + shift;
  }
}

/**
 * A hunk's lines on one side as [first, end): `-5,0` (nothing on that side) sits after line 5, so the
 * lines it is followed by start at 6.
 */
function side(start: number, count: number): { first: number; end: number } {
  const first = count === 0 ? start + 1 : start;
  return { first, end: first + count };
}

const newSide = (hunk: Hunk) => side(hunk.newStart, hunk.newLines);
const oldSide = (hunk: Hunk) => side(hunk.oldStart, hunk.oldLines);
