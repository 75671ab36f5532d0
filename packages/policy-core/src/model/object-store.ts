import { LARGE_CHUNK_BYTES, releaseBuffer } from '../parse/buffers.js';
import { packJson, unpackJson } from './packed-json.js';
/**
 * Where a large scan keeps its resources' decoded objects between the rules that run as each document
 * is read and the cross-resource rules that run at the end: as JSON text in large byte chunks outside
 * the JavaScript heap (a few hundred bytes per Deployment instead of a few kilobytes of objects that the
 * garbage collector would also have to copy and trace), decoded again when a rule reads them.
 *
 * A bounded number of resources stay decoded at a time (the most recently decoded ones, and always the
 * one the engine is evaluating): what a rule reads twice in a row is decoded once.
 */

/** A resource whose decoded object the store can drop. */
export interface Evictable {
  /** Forget the decoded object; the next read decodes it again. */
  evict(): void;
}

/** Entries per handle in the table: chunk, byte offset, byte length. */
const ENTRY = 3;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ObjectStore {
  readonly #chunks: Uint8Array[] = [];
  #used = 0;
  #table = new Uint32Array(ENTRY * 1024);
  #handles = 0;
  #resident: (Evictable | undefined)[];
  #next = 0;
  /** Decodes since the resident set last grew. */
  #decodes = 0;
  /** Never evicted while set: the resource the engine is evaluating. */
  pinned: Evictable | undefined;

  constructor(residentCapacity = 256) {
    this.#resident = new Array<Evictable | undefined>(Math.max(2, residentCapacity)).fill(undefined);
  }

  /**
   * Release the stored bytes now rather than whenever the garbage collector gets to them (they are
   * outside the heap, which does not count them): no object can be decoded afterwards.
   */
  dispose(): void {
    for (const chunk of this.#chunks) releaseBuffer(chunk);
    this.#chunks.length = 0;
    this.#table = new Uint32Array(0);
    this.#resident.fill(undefined);
  }

  /** Store JSON text; returns its handle. */
  put(text: string): number {
    const json = packJson(text);
    let chunk = this.#chunks.length - 1;
    let written = chunk < 0 ? undefined : this.#write(json, chunk);
    if (written === undefined) {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      this.#chunks.push(new Uint8Array(Math.max(LARGE_CHUNK_BYTES, json.length * 3)));
      this.#used = 0;
      chunk = this.#chunks.length - 1;
      written = this.#write(json, chunk)!;
    }
    const offset = this.#used;
    this.#used += written;
    if ((this.#handles + 1) * ENTRY > this.#table.length) {
      const grown = new Uint32Array(this.#table.length * 2);
      grown.set(this.#table);
      this.#table = grown;
    }
    const at = this.#handles * ENTRY;
    this.#table[at] = chunk;
    this.#table[at + 1] = offset;
    this.#table[at + 2] = written;
    return this.#handles++;
  }

  /** The JSON text stored under `handle`. */
  text(handle: number): string {
    const at = handle * ENTRY;
    const offset = this.#table[at + 1]!;
    return unpackJson(
      decoder.decode(this.#chunks[this.#table[at]!]!.subarray(offset, offset + this.#table[at + 2]!)),
    );
  }

  /**
   * Record that `resource` was just decoded; the oldest decoded resource (unless pinned) is evicted.
   * When rules read far more objects than the store holds (a rule that scans every resource for each
   * of many others), decoding again and again would cost more than keeping them: the resident set
   * doubles each time the decodes since it last grew exceed eight per stored object, so such scans
   * trade memory back for time instead of slowing down without bound.
   */
  admit(resource: Evictable): void {
    if (++this.#decodes > 8 * this.#handles + this.#resident.length) this.#grow();
    let slot = this.#next;
    if (this.#resident[slot] !== undefined && this.#resident[slot] === this.pinned) {
      slot = (slot + 1) % this.#resident.length;
    }
    this.#resident[slot]?.evict();
    this.#resident[slot] = resource;
    this.#next = (slot + 1) % this.#resident.length;
  }

  #grow(): void {
    const size = this.#resident.length;
    // Oldest first, then room: the ring continues after the old entries.
    const grown = [...this.#resident.slice(this.#next), ...this.#resident.slice(0, this.#next)];
    grown.length = size * 2;
    this.#resident = grown.fill(undefined, size);
    this.#next = size;
    this.#decodes = 0;
  }

  /** Bytes written into chunk `chunk` after what it holds, or undefined when the text does not fit. */
  #write(json: string, chunk: number): number | undefined {
    const target = this.#chunks[chunk]!.subarray(this.#used);
    const { read, written } = encoder.encodeInto(json, target);
    return read === json.length ? written : undefined;
  }
}
