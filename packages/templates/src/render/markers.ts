/**
 * Line markers: before rendering, every place in a skeleton that produces output (the first non-blank
 * character of each run of text, and each `${{ … }}` expression) gets an invisible marker naming its
 * skeleton position; after rendering, the markers on each rendered line tell where its text came from.
 * The template syntax is tokenized with nunjucks' own lexer, so markers never land inside a tag or an
 * expression. Markers sit after leading blanks and never before a left-trimming `${{-`, so whitespace
 * control (`-%}`, `{%-`, trimBlocks, lstripBlocks) strips exactly what it strips without them.
 */
import nunjucks from 'nunjucks';

/** Where a marked piece of output starts in the skeleton (1-based line and column). */
export interface Anchor {
  line: number;
  column: number;
  /** `text` is copied verbatim from the skeleton; `expression` is the value of `${{ … }}`. */
  kind: 'text' | 'expression';
  /** For expressions: the position just after the closing `}}`. */
  endLine: number;
  endColumn: number;
  /** For text: how many characters from the anchor to the run's last non-blank character on its line. */
  length: number;
  /** For text: a left-trimming `${{-` right after the run (its output has no marker of its own). */
  trimmedExpression?: { line: number; column: number };
}

export interface MarkedSource {
  text: string;
  anchors: Anchor[];
}

const MARK_START = '\u0000';
const MARK_END = '\u0001';
// eslint-disable-next-line no-control-regex -- markers are control characters: a skeleton holding them is binary (never rendered)
const MARKER = /\u0000(\d+)\u0001/g;

/** Variable delimiters as Backstage configures them: `${{ }}`, or `{{ }}` with `cookiecutterCompat`. */
export function variableStart(cookiecutterCompat: boolean): string {
  return cookiecutterCompat ? '{{' : '${{';
}

interface LexToken {
  type: string;
  value: string;
}

interface Tokenizer {
  index: number;
  nextToken(): LexToken | null;
}

interface Lexer {
  lex(source: string, options: { tags: Record<string, string> }): Tokenizer;
}

const lexer = (nunjucks as unknown as { lexer: Lexer }).lexer;

/**
 * The skeleton with markers inserted, and what each marker stands for. Throws when the lexer cannot
 * tokenize the text (the caller then maps lines by alignment instead).
 */
export function markSource(source: string, cookiecutterCompat: boolean): MarkedSource {
  const start = variableStart(cookiecutterCompat);
  const tokenizer = lexer.lex(source, { tags: { variableStart: start, variableEnd: '}}' } });
  const positions = new LinePositions(source);
  const anchors: Anchor[] = [];
  const inserts: { offset: number; anchor: number }[] = [];
  let open: Anchor | undefined;

  const mark = (offset: number, kind: Anchor['kind'], length = 0): Anchor => {
    const { line, column } = positions.at(offset);
    const anchor: Anchor = { line, column, kind, endLine: line, endColumn: column, length };
    inserts.push({ offset, anchor: anchors.length });
    anchors.push(anchor);
    return anchor;
  };
  let lastText: { anchor: Anchor; end: number } | undefined;

  for (;;) {
    const from = tokenizer.index;
    const token = tokenizer.nextToken();
    if (!token) break;
    // The lexer can step past the end on a final newline.
    const to = Math.min(tokenizer.index, source.length);
    if (token.type === 'data') {
      markTextRuns(source, from, to, (offset, length) => {
        lastText = { anchor: mark(offset, 'text', length), end: offset + length };
      });
    } else if (token.type === 'variable-start') {
      // `${{-` trims the blanks before it: a marker there would stop the trim. Its output follows the
      // text run before it, which records where it is.
      if (token.value.endsWith('-')) {
        if (lastText && !source.slice(lastText.end, from).includes('\n')) lastText.anchor.trimmedExpression = positions.at(from);
        open = undefined;
      } else {
        open = mark(from, 'expression');
      }
    } else if (token.type === 'variable-end' && open) {
      const end = positions.at(to);
      open.endLine = end.line;
      open.endColumn = end.column;
      open = undefined;
    }
  }

  let text = '';
  let copied = 0;
  for (const insert of inserts) {
    text += source.slice(copied, insert.offset) + MARK_START + insert.anchor + MARK_END;
    copied = insert.offset;
  }
  return { text: text + source.slice(copied), anchors };
}

/**
 * Calls `mark` at the first non-blank character of each line's run of text in source[from, to), with the
 * run's length up to its last non-blank character.
 */
function markTextRuns(source: string, from: number, to: number, mark: (offset: number, length: number) => void): void {
  let start = -1;
  let last = -1;
  const flush = () => {
    if (start >= 0) mark(start, last - start + 1);
    start = -1;
  };
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) flush();
    else if (c !== 32 && c !== 9 && c !== 13) {
      if (start < 0) start = i;
      last = i;
    }
  }
  flush();
}

/** One rendered line: its text without markers, and the markers it carried (1-based columns in that text). */
export interface RenderedLine {
  text: string;
  segments: { column: number; anchor: number }[];
}

/** Split rendered output into lines, reading and removing the markers. */
export function readMarkers(rendered: string): { text: string; lines: RenderedLine[] } {
  const lines = rendered.split('\n').map((raw): RenderedLine => {
    const segments: RenderedLine['segments'] = [];
    let text = '';
    let copied = 0;
    MARKER.lastIndex = 0;
    for (let match = MARKER.exec(raw); match; match = MARKER.exec(raw)) {
      text += raw.slice(copied, match.index);
      copied = match.index + match[0].length;
      segments.push({ column: text.length + 1, anchor: Number(match[1]) });
    }
    text += raw.slice(copied);
    return { text, segments };
  });
  return { text: lines.map((line) => line.text).join('\n'), lines };
}

/** Offset → 1-based line and column (UTF-16 code units, as the policy core counts them). */
export class LinePositions {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}
