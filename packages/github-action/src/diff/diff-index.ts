import type { ChangedFile, FilterMode, Hunk } from './types.js';

/** Where a PR review comment may go on side RIGHT: `line` alone, or `startLine`..`line`. */
export interface CommentRange {
  line: number;
  startLine?: number;
}

/** Repository-root relative with `/`: backslashes turned, a leading `./` or `/` dropped. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}

/** The inclusive new-side ranges of the hunks (empty for a pure deletion). */
function hunkRanges(hunks: readonly Hunk[]): Array<[number, number]> {
  return hunks.filter((h) => h.newLines > 0).map((h) => [h.newStart, h.newStart + h.newLines - 1]);
}

interface Entry {
  file: ChangedFile;
  ranges: Array<[number, number]>;
}

/** Answers "is this finding in the diff?" and "where may a review comment on it go?". */
export class DiffIndex {
  private readonly byPath = new Map<string, Entry>();

  /** Removed files are left out: nothing on the new side can point into them. */
  constructor(files: readonly ChangedFile[]) {
    for (const file of files) {
      if (file.status === 'removed') continue;
      this.byPath.set(normalizePath(file.path), { file, ranges: hunkRanges(file.hunks ?? []) });
    }
  }

  get(path: string): ChangedFile | undefined {
    return this.byPath.get(normalizePath(path))?.file;
  }

  /**
   * Whether a finding on `line`..`endLine` (1-based, inclusive; `endLine` defaults to `line`) passes
   * `mode`. An added file whose patch GitHub withheld (too large) counts as added on every line.
   */
  inFilter(mode: FilterMode, path: string, line: number, endLine = line): boolean {
    if (mode === 'nofilter') return true;
    const entry = this.byPath.get(normalizePath(path));
    if (!entry) return false;
    if (mode === 'file') return true;
    const { file, ranges } = entry;
    if (file.status === 'added' && file.hunks === undefined) return true;
    const last = Math.max(line, endLine);
    if (mode === 'added') {
      for (let n = line; n <= last; n++) if (file.lines.added.has(n)) return true;
      return false;
    }
    return ranges.some(([start, end]) => start <= last && line <= end);
  }

  /**
   * The range a side-RIGHT review comment may use. GitHub rejects the whole review (422) if a comment
   * touches a line outside the diff, so the full range is used only when it lies inside one hunk;
   * otherwise the last line of the range that is inside a hunk, or undefined when none is.
   */
  commentableRange(path: string, line: number, endLine = line): CommentRange | undefined {
    const entry = this.byPath.get(normalizePath(path));
    if (!entry) return undefined;
    const last = Math.max(line, endLine);
    if (entry.ranges.some(([start, end]) => start <= line && last <= end)) {
      return last === line ? { line } : { line: last, startLine: line };
    }
    for (let n = last; n >= line; n--) {
      if (entry.ranges.some(([start, end]) => start <= n && n <= end)) return { line: n };
    }
    return undefined;
  }
}
