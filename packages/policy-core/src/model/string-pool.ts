/**
 * One copy of each distinct string, up to `capacity` distinct strings (then new ones pass through). A
 * large scan repeats the same strings (kinds, namespaces, field paths, messages) hundreds of thousands
 * of times, each a separate copy in memory unless pooled.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** How many distinct strings the pool keeps. */
  get size(): number {
    return this.strings.size;
  }

  intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size < this.capacity) this.strings.set(text, text);
    return text;
  }
}
