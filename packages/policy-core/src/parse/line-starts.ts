import type { LineCounter } from 'yaml';
import { releaseBuffer } from './buffers.js';

/** Above every offset: unused slots read as "after the end", so a binary search stops before them. */
const UNUSED = 0xffffffff;

/**
 * The line starts the YAML parser reports, kept in a 32-bit array sized from the text's line breaks
 * instead of the `number[]` that `LineCounter` grows one push at a time. On a file of a million lines
 * that is 4 MB instead of 8 MB, and none of the 16 MB of discarded copies a growing array leaves for
 * the garbage collector. `LineCounter.linePos` reads `lineStarts` by index and length only, which a
 * typed array supports the same way, so positions are exactly those of the parser's own counter,
 * during the parse as after it.
 */
export class LineStarts {
  #starts: Uint32Array | number[];
  #count = 0;

  constructor(
    private readonly lineCounter: LineCounter,
    text: string,
  ) {
    let breaks = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks++;
    this.#starts = new Uint32Array(breaks + 1).fill(UNUSED);
    lineCounter.lineStarts = this.#starts as unknown as number[];
  }

  /** The parser's `onNewLine` callback. */
  readonly add = (offset: number): void => {
    if (this.#count < this.#starts.length) {
      this.#starts[this.#count++] = offset;
      return;
    }
    // More reports than line breaks (never seen): fall back to the counter's own kind of array.
    const grown = Array.from(this.#starts);
    grown.push(offset);
    this.#count++;
    this.#starts = grown;
    this.lineCounter.lineStarts = grown;
  };

  /** Once the parse is over: exactly the reported starts (the array's length is the line count). */
  finish(): void {
    if (this.#starts instanceof Uint32Array && this.#count < this.#starts.length) {
      this.lineCounter.lineStarts = this.#starts.subarray(0, this.#count) as unknown as number[];
    }
  }
}

/**
 * Release a parsed file's line table at once (a scan does so when every document of the file has
 * released its tree and no longer reads it); the counter then knows no lines.
 */
export function releaseLineStarts(lineCounter: LineCounter): void {
  const starts = lineCounter.lineStarts as unknown;
  lineCounter.lineStarts = [];
  if (starts instanceof Uint32Array) releaseBuffer(starts);
}
