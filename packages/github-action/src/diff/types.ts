/** One line of a hunk. `position` is GitHub's legacy diff position: lines below the file's first `@@` header. */
export interface HunkLine {
  kind: 'added' | 'context' | 'deleted';
  /** Line number on the old side (context and deleted lines). */
  oldLine?: number;
  /** Line number on the new side (context and added lines): the only lines a RIGHT-side comment may use. */
  newLine?: number;
  position: number;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  /** First new-side line; for a pure deletion (`newLines` 0) the line before the deleted block. */
  newStart: number;
  newLines: number;
  /** Text after the closing `@@` (git's function context), without the leading space. */
  section: string;
  lines: HunkLine[];
}

export type ChangeStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed';

export interface ChangedFile {
  /** Repository-root relative, `/`-separated; for a removed file the path it had. */
  path: string;
  previousPath?: string;
  status: ChangeStatus;
  /** Undefined when the hunks are unknown (binary file, patch too large for the API). */
  hunks?: Hunk[];
  lines: { added: Set<number>; context: Set<number> };
}

/** reviewdog-like `filter-mode` values. */
export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const;
export type FilterMode = (typeof FILTER_MODES)[number];
