import type { Subject } from './compute.js';
import { releaseBuffer } from '../parse/buffers.js';

/**
 * Numbers per score subject. Resources are subjects by their id (0, 1, 2, … in scan order), so their
 * numbers live in typed arrays indexed by id — a 100,000-resource scan needs a few megabytes outside
 * the JavaScript heap instead of maps of boxed numbers; other subjects (files) are in a map.
 */
export class SubjectNumbers {
  #dense: Float64Array = new Float64Array(0);
  readonly #sparse = new Map<Subject, number>();

  /** How many resource ids fit without growing. */
  get capacity(): number {
    return this.#dense.length;
  }

  /** Make room for resource ids below `capacity` at once (no copies as the values come in). */
  reserve(capacity: number): void {
    if (capacity > this.#dense.length) this.#grow(capacity - 1);
  }

  /** The value, or undefined when the subject has none. */
  get(subject: Subject): number | undefined {
    if (isDense(subject)) {
      const value = subject < this.#dense.length ? this.#dense[subject]! : NaN;
      return Number.isNaN(value) ? undefined : value;
    }
    return this.#sparse.get(subject);
  }

  /** Add `delta` to the subject's value (starting from 0). */
  add(subject: Subject, delta: number): void {
    if (isDense(subject)) {
      if (subject >= this.#dense.length) this.#grow(subject);
      const value = this.#dense[subject]!;
      this.#dense[subject] = (Number.isNaN(value) ? 0 : value) + delta;
    } else {
      this.#sparse.set(subject, (this.#sparse.get(subject) ?? 0) + delta);
    }
  }

  set(subject: Subject, value: number): void {
    if (isDense(subject)) {
      if (subject >= this.#dense.length) this.#grow(subject);
      this.#dense[subject] = value;
    } else {
      this.#sparse.set(subject, value);
    }
  }

  /** Release the typed array now (see `releaseBuffer`); the values are gone. */
  dispose(): void {
    releaseBuffer(this.#dense);
    this.#dense = new Float64Array(0);
    this.#sparse.clear();
  }

  /** Every subject with a value: resources by id, then the others in insertion order. */
  *subjects(): Generator<Subject> {
    for (let id = 0; id < this.#dense.length; id++) if (!Number.isNaN(this.#dense[id]!)) yield id;
    yield* this.#sparse.keys();
  }

  #grow(subject: number): void {
    const grown = new Float64Array(Math.max(subject + 1, this.#dense.length * 2, 1024)).fill(NaN);
    grown.set(this.#dense);
    this.#dense = grown;
  }
}

/** A set of subjects (resource ids as a byte map, others in a set). */
export class SubjectSet {
  #dense: Uint8Array = new Uint8Array(0);
  readonly #sparse = new Set<Subject>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Make room for resource ids below `capacity` at once. */
  reserve(capacity: number): void {
    if (capacity > this.#dense.length) this.#grow(capacity - 1);
  }

  has(subject: Subject): boolean {
    if (isDense(subject)) return subject < this.#dense.length && this.#dense[subject] === 1;
    return this.#sparse.has(subject);
  }

  dispose(): void {
    releaseBuffer(this.#dense);
    this.#dense = new Uint8Array(0);
    this.#sparse.clear();
  }

  add(subject: Subject): void {
    if (this.has(subject)) return;
    this.#size++;
    if (isDense(subject)) {
      if (subject >= this.#dense.length) this.#grow(subject);
      this.#dense[subject] = 1;
    } else {
      this.#sparse.add(subject);
    }
  }

  #grow(subject: number): void {
    const grown = new Uint8Array(Math.max(subject + 1, this.#dense.length * 2, 1024));
    grown.set(this.#dense);
    this.#dense = grown;
  }
}

/** Resource ids: small non-negative integers (anything else goes to the maps). */
function isDense(subject: Subject): subject is number {
  return typeof subject === 'number' && Number.isInteger(subject) && subject >= 0 && subject < 0x40000000;
}
