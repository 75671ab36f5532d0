import type { SourceRange } from '@shiftdown/policy-core';

/**
 * A finding's range as GitHub annotations count it: 1-based lines and columns, both ends inclusive
 * (`@actions/core`: `endColumn` "defaults to `startColumn`", a one-character annotation). The core's
 * ranges end exclusively, as in SARIF: `endColumn` is the column after the last character, and a range
 * that ends at column 1 of `endLine` (a block that takes its whole last line) has its last character on
 * the line before. Columns are given only on single-line ranges: GitHub rejects them otherwise.
 */
export interface AnnotationRange {
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

/** The last line a range covers (the line before `endLine` when the range stops at its column 1). */
export function lastLine(range: SourceRange): number {
  return range.endLine > range.line && range.endColumn <= 1 ? range.endLine - 1 : range.endLine;
}

export function annotationRange(range: SourceRange): AnnotationRange {
  const endLine = Math.max(range.line, lastLine(range));
  const out: AnnotationRange = { startLine: range.line, endLine };
  // A range that ends at column 1 of the next line covers its line to the end: no columns then (the
  // line's length is not known here), as for a multi-line range.
  if (range.endLine === range.line) {
    out.startColumn = range.column;
    // The column of the last character; an empty range (a parse error at a point) marks its one column.
    out.endColumn = Math.max(range.column, range.endColumn - 1);
  }
  return out;
}
