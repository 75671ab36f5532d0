import type { Finding, Fix, ResourceRef, RuleMeta } from '../types.js';
import { SEVERITIES } from '../types.js';
import { findingObject, type FindingParts } from './evaluate.js';
import { LARGE_CHUNK_BYTES, releaseBuffer } from '../parse/buffers.js';
import { hex64 } from '../util/hash.js';
import { MessageTemplates } from './message-templates.js';

/** Small scans need no more than this first chunk; later chunks are large (see `LARGE_CHUNK_BYTES`). */
const FIRST_CHUNK_BYTES = 64 * 1024;
/** The most bytes one finding can take: 10 numbers of up to 5 bytes, and the 8 bytes of its fingerprint. */
const MAX_RECORD_BYTES = 10 * 5 + 8;
const VALUE_SOURCES = [undefined, 'container', 'pod', 'default'] as const;
const HAS_FIX = 1 << 8;

/**
 * The findings of a scan while the rules run, as a stream of numbers outside the JavaScript heap: each
 * finding's rule, severity, position, resource, field and container names and message template (by
 * number, as variable-length integers of one to five bytes) and its fingerprint's 64 bits, about 20
 * bytes where the `Finding` object takes about 200. A Deployment collects about eight findings; as
 * objects they would outweigh the model of the resources they are about. They become `Finding`
 * objects, equal to the ones `toFinding` builds, only when the report is assembled, once the model is
 * gone. Findings are read back in the order they were added.
 */
export class FindingStore {
  #chunks: Uint8Array[] = [];
  /** Bytes written into each chunk. */
  #used: number[] = [];
  #count = 0;
  #lastResource = 0;
  readonly #messages = new MessageTemplates();
  readonly #rules: RuleMeta[] = [];
  readonly #ruleIndex = new Map<RuleMeta, number>();
  readonly #strings: string[] = [];
  readonly #stringIndex = new Map<string, number>();
  readonly #fixes = new Map<number, Fix>();

  get length(): number {
    return this.#count;
  }

  add(parts: FindingParts, resourceId: number): void {
    const index = this.#count++;
    if (parts.fix) this.#fixes.set(index, parts.fix);
    let chunk = this.#chunks.length - 1;
    if (chunk < 0 || this.#used[chunk]! + MAX_RECORD_BYTES > this.#chunks[chunk]!.length) {
      this.#chunks.push(new Uint8Array(chunk < 0 ? FIRST_CHUNK_BYTES : LARGE_CHUNK_BYTES));
      this.#used.push(0);
      chunk++;
    }
    const writer = { bytes: this.#chunks[chunk]!, at: this.#used[chunk]! };
    write(writer, this.#indexOfRule(parts.meta));
    write(
      writer,
      SEVERITIES.indexOf(parts.severity) |
        (VALUE_SOURCES.indexOf(parts.valueSource) << 4) |
        (parts.fix ? HAS_FIX : 0),
    );
    write(writer, parts.line);
    write(writer, parts.column);
    write(writer, zigzag(parts.endLine - parts.line));
    write(writer, parts.endColumn);
    write(writer, zigzag(resourceId - this.#lastResource));
    write(writer, this.#indexOfString(parts.field));
    write(writer, parts.container === undefined ? 0 : this.#indexOfString(parts.container) + 1);
    write(writer, this.#messages.idOf(parts.message, parts.resource.name));
    writeUint32(writer, parseInt(parts.fingerprint.slice(0, 8), 16));
    writeUint32(writer, parseInt(parts.fingerprint.slice(8), 16));
    this.#used[chunk] = writer.at;
    this.#lastResource = resourceId;
  }

  /**
   * Build every finding as an object, in the order they were added, and give it to `visit` with the id
   * of the resource it is about and its index; `resource` gives the file and reference of a resource by
   * id. One pass over the records: nothing but the findings themselves is built.
   */
  forEach(
    resource: (id: number) => { file: string; ref: ResourceRef },
    visit: (finding: Finding, resourceId: number, index: number) => void,
  ): void {
    let index = 0;
    for (const r of this.#records()) {
      const about = resource(r.resource);
      const finding = findingObject(
        this.#rules[r.rule]!,
        SEVERITIES[r.flags & 0xf]!,
        this.#messages.message(r.message, about.ref.name),
        about.file,
        r.line,
        r.column,
        r.endLine,
        r.endColumn,
        about.ref,
        this.#strings[r.field]!,
        hex64(r.high, r.low),
        r.container === 0 ? undefined : this.#strings[r.container - 1],
        VALUE_SOURCES[(r.flags >> 4) & 0xf],
        r.flags & HAS_FIX ? this.#fixes.get(index) : undefined,
      );
      visit(finding, r.resource, index++);
    }
  }

  /** Release the bytes now (they are outside the heap, which does not count them). */
  dispose(): void {
    for (const chunk of this.#chunks) releaseBuffer(chunk);
    this.#chunks = [];
    this.#used = [];
    this.#fixes.clear();
  }

  /** The records in order, decoded one at a time into the same object (read each before the next). */
  *#records(): Generator<RawRecord> {
    const record: RawRecord = {
      rule: 0,
      flags: 0,
      line: 0,
      column: 0,
      endLine: 0,
      endColumn: 0,
      resource: 0,
      field: 0,
      container: 0,
      message: 0,
      high: 0,
      low: 0,
    };
    const reader: Cursor = { bytes: new Uint8Array(0), at: 0 };
    for (let chunk = 0; chunk < this.#chunks.length; chunk++) {
      reader.bytes = this.#chunks[chunk]!;
      reader.at = 0;
      const end = this.#used[chunk]!;
      while (reader.at < end) {
        record.rule = read(reader);
        record.flags = read(reader);
        record.line = read(reader);
        record.column = read(reader);
        record.endLine = record.line + unzigzag(read(reader));
        record.endColumn = read(reader);
        record.resource += unzigzag(read(reader));
        record.field = read(reader);
        record.container = read(reader);
        record.message = read(reader);
        record.high = readUint32(reader);
        record.low = readUint32(reader);
        yield record;
      }
    }
  }

  #indexOfRule(meta: RuleMeta): number {
    let index = this.#ruleIndex.get(meta);
    if (index === undefined) {
      index = this.#rules.push(meta) - 1;
      this.#ruleIndex.set(meta, index);
    }
    return index;
  }

  #indexOfString(text: string): number {
    let index = this.#stringIndex.get(text);
    if (index === undefined) {
      index = this.#strings.push(text) - 1;
      this.#stringIndex.set(text, index);
    }
    return index;
  }
}

interface RawRecord {
  rule: number;
  flags: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource: number;
  field: number;
  container: number;
  message: number;
  high: number;
  low: number;
}

interface Cursor {
  bytes: Uint8Array;
  at: number;
}

// Integer operations only below: a position read back as a floating-point number would make V8 box
// every finding's line and column in a separate heap number (16 bytes each).

/** A non-negative integer below 2^31, seven bits per byte, low bits first (LEB128). */
function write(cursor: Cursor, value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    cursor.bytes[cursor.at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  cursor.bytes[cursor.at++] = rest;
}

function read(cursor: Cursor): number {
  const { bytes } = cursor;
  let byte = bytes[cursor.at++]!;
  let value = byte & 0x7f;
  for (let shift = 7; byte & 0x80; shift += 7) {
    byte = bytes[cursor.at++]!;
    value |= (byte & 0x7f) << shift;
  }
  return value;
}

function writeUint32(cursor: Cursor, value: number): void {
  for (let shift = 24; shift >= 0; shift -= 8) cursor.bytes[cursor.at++] = (value >>> shift) & 0xff;
}

function readUint32(cursor: Cursor): number {
  const { bytes } = cursor;
  const at = cursor.at;
  cursor.at += 4;
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/** Small signed numbers (|n| < 2^30) as small unsigned ones: 0, -1, 1, -2, 2 … → 0, 1, 2, 3, 4 … */
function zigzag(value: number): number {
  return (value << 1) ^ (value >> 31);
}

function unzigzag(value: number): number {
  return (value >>> 1) ^ -(value & 1);
}
