/**
 * Rendered position → skeleton position. Three kinds of map: from line markers (exact), by line
 * alignment (when markers could not be used), and the identity (files copied without templating).
 */
import type { Anchor, RenderedLine } from './markers.js';

export interface SkeletonPosition {
  line: number;
  column: number;
  /** True when the rendered text at this position is copied verbatim from the skeleton position. */
  verbatim: boolean;
}

export interface SourceMap {
  /** Where rendered (line, column) came from. */
  locate(line: number, column: number): SkeletonPosition;
  /** The skeleton range for a rendered range (`endColumn` exclusive, as in findings). */
  locateRange(
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
  ): { line: number; column: number; endLine: number; endColumn: number };
  /** True when every rendered line from `line` to `endLine` is a whole skeleton line copied verbatim, in order. */
  verbatimLines(line: number, endLine: number): boolean;
  /** Lines could only be matched by alignment, not followed through the template. */
  readonly approximate: boolean;
}

abstract class BaseMap implements SourceMap {
  abstract readonly approximate: boolean;
  abstract locate(line: number, column: number): SkeletonPosition;
  abstract verbatimLines(line: number, endLine: number): boolean;
  protected abstract expressionEnd(line: number, column: number): { line: number; column: number } | undefined;

  locateRange(line: number, column: number, endLine: number, endColumn: number) {
    const start = this.locate(line, column);
    const lastColumn = Math.max(1, endColumn - 1);
    const last = this.locate(endLine, lastColumn);
    let end: { line: number; column: number };
    if (last.verbatim) end = { line: last.line, column: last.column + (endColumn > lastColumn ? 1 : 0) };
    else end = this.expressionEnd(endLine, lastColumn) ?? { line: last.line, column: last.column + 1 };
    // Loops and reordered output can map the end before the start: keep the range well-formed.
    if (end.line < start.line || (end.line === start.line && end.column <= start.column)) {
      end = { line: start.line, column: start.column + 1 };
    }
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

/** Positions from the markers the rendered lines carried. */
export class MarkerMap extends BaseMap {
  readonly approximate = false;

  constructor(
    private readonly anchors: readonly Anchor[],
    private readonly lines: readonly RenderedLine[],
    private readonly skeletonLines: readonly string[],
  ) {
    super();
  }

  locate(line: number, column: number): SkeletonPosition {
    const found = this.segmentAt(line, column);
    if (!found) return { line: 1, column: 1, verbatim: false };
    const { anchor, renderedColumn, inherited } = found;
    if (inherited) return { line: anchor.line, column: anchor.column, verbatim: false };
    if (anchor.kind === 'expression') return { line: anchor.line, column: anchor.column, verbatim: false };
    const offset = column - renderedColumn;
    // Past the run's text: its trailing blanks, or the output of a `${{-` that follows it.
    if (offset >= anchor.length && anchor.trimmedExpression) {
      return { line: anchor.trimmedExpression.line, column: anchor.trimmedExpression.column, verbatim: false };
    }
    const skeletonColumn = Math.max(1, anchor.column + offset);
    // Verbatim when the character is the skeleton's (a `{% filter %}` block, or output before the first
    // marker of a line, can change or precede the text).
    const verbatim = this.lines[line - 1]?.text[column - 1] === this.skeletonLines[anchor.line - 1]?.[skeletonColumn - 1] && column <= (this.lines[line - 1]?.text.length ?? 0);
    return { line: anchor.line, column: skeletonColumn, verbatim };
  }

  protected expressionEnd(line: number, column: number) {
    const found = this.segmentAt(line, column);
    return found?.anchor.kind === 'expression' ? { line: found.anchor.endLine, column: found.anchor.endColumn } : undefined;
  }

  verbatimLines(line: number, endLine: number): boolean {
    let previous = 0;
    for (let n = line; n <= endLine; n++) {
      const rendered = this.lines[n - 1];
      const segments = rendered?.segments ?? [];
      if (!rendered || segments.length === 0) return false;
      const anchors = segments.map((s) => this.anchors[s.anchor]!);
      const skeletonLine = anchors[0]!.line;
      if (anchors.some((a) => a.kind !== 'text' || a.line !== skeletonLine)) return false;
      if (this.skeletonLines[skeletonLine - 1] !== rendered.text) return false;
      if (previous !== 0 && skeletonLine !== previous + 1) return false;
      previous = skeletonLine;
    }
    return true;
  }

  /**
   * The marker in force at (line, column): the last one at or before the column, else the line's first;
   * a line without markers (the continuation of a multi-line value) inherits the last marker before it.
   */
  private segmentAt(line: number, column: number): { anchor: Anchor; renderedColumn: number; inherited: boolean } | undefined {
    const rendered = this.lines[line - 1];
    if (rendered && rendered.segments.length > 0) {
      let chosen = rendered.segments[0]!;
      for (const segment of rendered.segments) if (segment.column <= column) chosen = segment;
      return { anchor: this.anchors[chosen.anchor]!, renderedColumn: chosen.column, inherited: false };
    }
    for (let n = Math.min(line, this.lines.length) - 1; n >= 1; n--) {
      const segments = this.lines[n - 1]!.segments;
      const last = segments[segments.length - 1];
      if (last) return { anchor: this.anchors[last.anchor]!, renderedColumn: last.column, inherited: true };
    }
    return undefined;
  }
}

/** Files copied as they are: every position is its own. */
export class IdentityMap extends BaseMap {
  readonly approximate = false;

  locate(line: number, column: number): SkeletonPosition {
    return { line, column, verbatim: true };
  }

  protected expressionEnd() {
    return undefined;
  }

  verbatimLines(): boolean {
    return true;
  }
}

/**
 * Rendered lines matched to skeleton lines by content, in order: an identical line is matched where it
 * is found ahead (within a window), any other line belongs to the skeleton line last matched. Used only
 * when markers cannot be (see render-file.ts); columns are exact on matched lines only.
 */
export class AlignmentMap extends BaseMap {
  readonly approximate = true;
  private readonly origins: { line: number; exact: boolean }[] = [];

  constructor(skeletonLines: readonly string[], renderedLines: readonly string[]) {
    super();
    const WINDOW = 200;
    let next = 0;
    let last = 1;
    for (const text of renderedLines) {
      let found = -1;
      if (text.trim() !== '') {
        for (let i = next; i < Math.min(skeletonLines.length, next + WINDOW); i++) {
          if (skeletonLines[i] === text) {
            found = i;
            break;
          }
        }
      }
      if (found >= 0) {
        this.origins.push({ line: found + 1, exact: true });
        next = found + 1;
        last = found + 1;
      } else {
        this.origins.push({ line: last, exact: false });
      }
    }
  }

  locate(line: number, column: number): SkeletonPosition {
    const origin = this.origins[line - 1] ?? { line: 1, exact: false };
    return origin.exact ? { line: origin.line, column, verbatim: true } : { line: origin.line, column: 1, verbatim: false };
  }

  protected expressionEnd() {
    return undefined;
  }

  verbatimLines(line: number, endLine: number): boolean {
    for (let n = line; n <= endLine; n++) {
      const origin = this.origins[n - 1];
      if (!origin?.exact) return false;
      if (n > line && origin.line !== this.origins[n - 2]!.line + 1) return false;
    }
    return true;
  }
}
