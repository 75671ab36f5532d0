import { parseDocument } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { PARSE_OPTIONS } from './options.js';

/**
 * The syntax tree of one document, for locating findings. Large scans release trees once the
 * document's own rules have run (a 50,000-document file would not fit in memory otherwise); a
 * released tree is rebuilt on demand from the document's slice of the file text.
 */
export class DocumentSource {
  private tree: Document.Parsed | undefined;
  private readonly start: number;
  private readonly end: number;

  constructor(
    tree: Document.Parsed,
    private readonly text: string,
    readonly lineCounter: LineCounter,
  ) {
    this.tree = tree;
    this.start = tree.range[0];
    this.end = tree.range[2];
  }

  /** The tree, and the offset to add to its positions to get positions in the file. */
  get(): { tree: Document.Parsed; offset: number } {
    if (this.tree) return { tree: this.tree, offset: 0 };
    return this.reparse();
  }

  /** The text of one 1-based line of the file, without its line break (undefined beyond the end). */
  lineText(line: number): string | undefined {
    const starts = this.lineCounter.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const next = starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next).replace(/\r?\n$/, '');
  }

  release(): void {
    this.tree = undefined;
  }

  /**
   * The most recently rebuilt tree, for whichever source asked last. One slot is enough: findings are
   * located resource by resource, so consecutive lookups hit the same document; keeping every rebuilt
   * tree would bring back the memory that releasing them saved.
   */
  private static recent: { source: DocumentSource; tree: Document.Parsed; offset: number } | undefined;

  private reparse(): { tree: Document.Parsed; offset: number } {
    const recent = DocumentSource.recent;
    if (recent?.source === this) return recent;
    // Start at the beginning of the line so that columns and indentation stay as they are;
    // anything before the document on that line (an end marker) is blanked out.
    const lineStart = this.text.lastIndexOf('\n', this.start - 1) + 1;
    const prefix = this.text.slice(lineStart, this.start).replace(/[^\t]/g, ' ');
    const slice = prefix + this.text.slice(this.start, this.end);
    const tree = parseDocument(slice, { ...PARSE_OPTIONS, uniqueKeys: false }) as Document.Parsed;
    DocumentSource.recent = { source: this, tree, offset: lineStart };
    return DocumentSource.recent;
  }
}
