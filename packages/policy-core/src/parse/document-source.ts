import { parseDocument } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { PARSE_OPTIONS } from './options.js';

/** A 1-based line and column (columns count UTF-16 code units). */
export interface LinePos {
  line: number;
  col: number;
}

/**
 * The syntax tree of one document, for locating findings. Large scans release trees once the
 * document's own rules have run (a 50,000-document file would not fit in memory otherwise); a
 * released tree is rebuilt on demand from the document's slice of the file text. A released source
 * no longer needs the file's table of line starts either: positions in a rebuilt tree are counted
 * from the line the document starts on, over the lines of its own slice.
 */
export class DocumentSource {
  /** The parsed tree and the file's line table, until the tree is released. */
  #live: { tree: Document.Parsed; lineCounter: LineCounter } | undefined;
  private readonly start: number;
  private readonly end: number;
  /** Number of the line the document starts on. */
  readonly #firstLine: number;

  constructor(
    tree: Document.Parsed,
    private readonly text: string,
    lineCounter: LineCounter,
  ) {
    this.#live = { tree, lineCounter };
    this.start = tree.range[0];
    this.end = tree.range[2];
    this.#firstLine = lineCounter.linePos(this.#lineStart()).line;
  }

  /** The tree, and the offset to add to its positions to get positions in the file. */
  get(): { tree: Document.Parsed; offset: number } {
    if (this.#live) return { tree: this.#live.tree, offset: 0 };
    return this.reparse();
  }

  /** Line and column of an offset of the file inside this document (as `LineCounter.linePos`). */
  linePos(offset: number): LinePos {
    if (this.#live) return this.#live.lineCounter.linePos(offset);
    const starts = this.reparse().lineStarts;
    // The last line start at or before the offset (starts[0] is the document's first line).
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: this.#firstLine + low, col: offset - starts[low]! + 1 };
  }

  /** The text of one 1-based line of the file, without its line break (undefined beyond the end). */
  lineText(line: number): string | undefined {
    const start = this.#live ? this.#live.lineCounter.lineStarts[line - 1] : this.#lineOffset(line);
    // (While the file is being parsed, its table has room for lines not reached yet.)
    if (start === undefined || start > this.text.length) return undefined;
    const next = this.text.indexOf('\n', start);
    return this.text.slice(start, next < 0 ? this.text.length : next + 1).replace(/\r?\n$/, '');
  }

  release(): void {
    this.#live = undefined;
  }

  /** Offset of the first character of the line the document starts on. */
  #lineStart(): number {
    return this.text.lastIndexOf('\n', this.start - 1) + 1;
  }

  /** Offset where a line starts, counted from the document's first line (undefined beyond the end). */
  #lineOffset(line: number): number | undefined {
    if (line < 1) return undefined;
    let at = this.#lineStart();
    for (let current = this.#firstLine; current < line; current++) {
      const next = this.text.indexOf('\n', at);
      if (next < 0) return undefined;
      at = next + 1;
    }
    for (let current = this.#firstLine; current > line; current--) {
      at = this.text.lastIndexOf('\n', at - 2) + 1;
    }
    return at;
  }

  /** Forget the most recently rebuilt tree (a scan does when it ends: the tree holds its file's text). */
  static forgetRecent(): void {
    DocumentSource.recent = undefined;
  }

  /**
   * The most recently rebuilt tree, for whichever source asked last. One slot is enough: findings are
   * located resource by resource, so consecutive lookups hit the same document; keeping every rebuilt
   * tree would bring back the memory that releasing them saved.
   */
  private static recent:
    | { source: DocumentSource; tree: Document.Parsed; offset: number; lineStarts: number[] }
    | undefined;

  private reparse(): { tree: Document.Parsed; offset: number; lineStarts: number[] } {
    const recent = DocumentSource.recent;
    if (recent?.source === this) return recent;
    // Start at the beginning of the line so that columns and indentation stay as they are;
    // anything before the document on that line (an end marker) is blanked out.
    const lineStart = this.#lineStart();
    const prefix = this.text.slice(lineStart, this.start).replace(/[^\t]/g, ' ');
    const slice = prefix + this.text.slice(this.start, this.end);
    const tree = parseDocument(slice, { ...PARSE_OPTIONS, uniqueKeys: false }) as Document.Parsed;
    // Line starts of the slice's lines, as offsets in the file (the parser reports every line break
    // of a document that parses, so these are the file's own line starts over this range).
    const lineStarts = [lineStart];
    for (let at = this.text.indexOf('\n', lineStart); at >= 0 && at < this.end; at = this.text.indexOf('\n', at + 1)) {
      lineStarts.push(at + 1);
    }
    DocumentSource.recent = { source: this, tree, offset: lineStart, lineStarts };
    return DocumentSource.recent;
  }
}
