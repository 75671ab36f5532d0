import type { Finding, Fix, ResourceRef, RuleMeta, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';
import { findingObject, type FindingParts } from './evaluate.js';
import { LARGE_CHUNK_BYTES, releaseBuffer } from '../parse/buffers.js';

/** Where each number of a finding is kept, and how many there are. */
const Slot = {
  Rule: 0,
  /** Severity index, value source index and whether a fix is kept aside, packed. */
  Flags: 1,
  Line: 2,
  Column: 3,
  EndLine: 4,
  EndColumn: 5,
  Resource: 6,
  Field: 7,
  /** Container name index + 1 (0: none). */
  Container: 8,
  FingerprintHigh: 9,
  FingerprintLow: 10,
  Size: 11,
} as const;

/** The first chunk holds this many findings (small scans need no more); later ones hold `LARGE_CHUNK`. */
const FIRST_CHUNK = 4096;
const LARGE_CHUNK = Math.ceil(LARGE_CHUNK_BYTES / (Slot.Size * 4));
/** Messages are kept in JavaScript arrays of this many (no array large enough to be copied as it grows). */
const MESSAGE_CHUNK = 4096;
const VALUE_SOURCES = [undefined, 'container', 'pod', 'default'] as const;
const HAS_FIX = 1 << 8;

/**
 * The findings of a large scan while the rules run: numbers in typed arrays outside the JavaScript heap
 * (line, column, rule, resource, the fingerprint's 64 bits, …), repeated strings by index, and the
 * messages themselves. A Deployment collects about eight findings; as objects they would outweigh the
 * model of the resources they are about. They become `Finding` objects, equal to the ones `toFinding`
 * builds, only when the report is assembled, once the model is gone.
 */
export class FindingStore {
  #chunks: Uint32Array[] = [];
  #messages: string[][] = [];
  #count = 0;
  readonly #rules: RuleMeta[] = [];
  readonly #ruleIndex = new Map<RuleMeta, number>();
  readonly #strings: string[] = [];
  readonly #stringIndex = new Map<string, number>();
  readonly #fixes = new Map<number, Fix>();
  #sharePss = false;

  get length(): number {
    return this.#count;
  }

  add(parts: FindingParts, resourceId: number): void {
    const index = this.#count++;
    const chunk = this.#chunkOf(index);
    const at = this.#offsetOf(index);
    if (chunk === this.#chunks.length) {
      this.#chunks.push(new Uint32Array((chunk === 0 ? FIRST_CHUNK : LARGE_CHUNK) * Slot.Size));
    }
    if (index % MESSAGE_CHUNK === 0) this.#messages.push([]);
    const numbers = this.#chunks[chunk]!;
    if (parts.fix) this.#fixes.set(index, parts.fix);
    this.#sharePss ||= parts.sharePss === true;
    numbers[at + Slot.Rule] = this.#indexOfRule(parts.meta);
    numbers[at + Slot.Flags] =
      SEVERITIES.indexOf(parts.severity) | (VALUE_SOURCES.indexOf(parts.valueSource) << 4) | (parts.fix ? HAS_FIX : 0);
    numbers[at + Slot.Line] = parts.line;
    numbers[at + Slot.Column] = parts.column;
    numbers[at + Slot.EndLine] = parts.endLine;
    numbers[at + Slot.EndColumn] = parts.endColumn;
    numbers[at + Slot.Resource] = resourceId;
    numbers[at + Slot.Field] = this.#indexOfString(parts.field);
    numbers[at + Slot.Container] = parts.container === undefined ? 0 : this.#indexOfString(parts.container) + 1;
    numbers[at + Slot.FingerprintHigh] = parseInt(parts.fingerprint.slice(0, 8), 16);
    numbers[at + Slot.FingerprintLow] = parseInt(parts.fingerprint.slice(8), 16);
    this.#messages[this.#messages.length - 1]!.push(parts.message);
  }

  /** The resource finding `index` is about. */
  resourceId(index: number): number {
    return this.#number(index, Slot.Resource);
  }

  ruleId(index: number): string {
    return this.#rules[this.#number(index, Slot.Rule)]!.id;
  }

  severity(index: number): Severity {
    return SEVERITIES[this.#number(index, Slot.Flags) & 0xf]!;
  }

  /** Finding `index` as an object; `resource` gives the file and reference of a resource by id. */
  finding(index: number, resource: (id: number) => { file: string; ref: ResourceRef }): Finding {
    const numbers = this.#chunks[this.#chunkOf(index)]!;
    const at = this.#offsetOf(index);
    const flags = numbers[at + Slot.Flags]!;
    const about = resource(numbers[at + Slot.Resource]!);
    const container = numbers[at + Slot.Container]!;
    return findingObject(
      this.#rules[numbers[at + Slot.Rule]!]!,
      SEVERITIES[flags & 0xf]!,
      this.#messages[(index / MESSAGE_CHUNK) | 0]![index % MESSAGE_CHUNK]!,
      about.file,
      numbers[at + Slot.Line]!,
      numbers[at + Slot.Column]!,
      numbers[at + Slot.EndLine]!,
      numbers[at + Slot.EndColumn]!,
      about.ref,
      this.#strings[numbers[at + Slot.Field]!]!,
      hex64(numbers[at + Slot.FingerprintHigh]!, numbers[at + Slot.FingerprintLow]!),
      container === 0 ? undefined : this.#strings[container - 1],
      VALUE_SOURCES[(flags >> 4) & 0xf],
      flags & HAS_FIX ? this.#fixes.get(index) : undefined,
      this.#sharePss,
    );
  }

  /** Release the numbers now (they are outside the heap, which does not count them). */
  dispose(): void {
    for (const chunk of this.#chunks) releaseBuffer(chunk);
    this.#chunks = [];
    this.#messages = [];
    this.#fixes.clear();
  }

  #number(index: number, slot: number): number {
    return this.#chunks[this.#chunkOf(index)]![this.#offsetOf(index) + slot]!;
  }

  /** The chunk that holds finding `index`. */
  #chunkOf(index: number): number {
    return index < FIRST_CHUNK ? 0 : 1 + (((index - FIRST_CHUNK) / LARGE_CHUNK) | 0);
  }

  /** Where the numbers of finding `index` start in its chunk. */
  #offsetOf(index: number): number {
    return (index < FIRST_CHUNK ? index : (index - FIRST_CHUNK) % LARGE_CHUNK) * Slot.Size;
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

/** The 16 lowercase hex digits of a 64-bit value given as two 32-bit halves (as `fnv1a64` writes it). */
function hex64(high: number, low: number): string {
  // One flat string built at once: no pieces to concatenate for each of 100,000s of findings.
  // prettier-ignore
  return String.fromCharCode(
    digit(high, 28), digit(high, 24), digit(high, 20), digit(high, 16), digit(high, 12), digit(high, 8), digit(high, 4), digit(high, 0),
    digit(low, 28), digit(low, 24), digit(low, 20), digit(low, 16), digit(low, 12), digit(low, 8), digit(low, 4), digit(low, 0),
  );
}

/** The character code of the hex digit of `value` at bit `shift`. */
function digit(value: number, shift: number): number {
  const nibble = (value >>> shift) & 0xf;
  return nibble < 10 ? 48 + nibble : 87 + nibble;
}
