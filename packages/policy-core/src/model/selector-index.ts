import type { JsonObject } from './values.js';
import type { Labels } from './selector.js';
import { matchesSelectorMap } from './selector.js';

/**
 * Lists filed under a label entry `key=value` (values compared as `String(value)`). Maps nested by key
 * then value rather than keyed by a "key=value" string, and a lone item kept as itself rather than in
 * a list: no string or array is built per entry, which counts when every workload of a large scan is
 * filed. (Items are objects, never arrays, so a list is always recognisable.)
 */
class EntryLists<T extends object> {
  private readonly byKey = new Map<string, Map<string, T | T[]>>();

  get(key: string, value: unknown): readonly T[] | undefined {
    const filed = this.byKey.get(key)?.get(String(value));
    return filed === undefined || Array.isArray(filed) ? filed : [filed];
  }

  add(key: string, value: unknown, item: T): void {
    let byValue = this.byKey.get(key);
    if (!byValue) {
      byValue = new Map();
      this.byKey.set(key, byValue);
    }
    const text = String(value);
    const filed = byValue.get(text);
    if (filed === undefined) byValue.set(text, item);
    else if (Array.isArray(filed)) filed.push(item);
    else byValue.set(text, [filed, item]);
  }
}

/**
 * Objects with an equality selector (Services), found by the labels of a pod without comparing every
 * pair: each selector is filed under one of its entries, so a lookup only checks the selectors that
 * share at least one `key=value` with the labels. Results keep the order the objects were added in.
 */
export class SelectorMapIndex<T> {
  private readonly anchors = new EntryLists<{ item: T; selector: JsonObject; order: number }>();
  private size = 0;

  /** Files `item` under `selector`; an empty selector is not filed (it selects nothing here). */
  add(item: T, selector: JsonObject): void {
    const first = Object.entries(selector)[0];
    if (!first) return;
    this.anchors.add(first[0], first[1], { item, selector, order: this.size++ });
  }

  /** The items whose selector every entry of which the labels carry. */
  matching(labels: Labels): T[] {
    const found: { item: T; order: number }[] = [];
    for (const [key, value] of Object.entries(labels)) {
      for (const entry of this.anchors.get(key, value) ?? []) {
        if (matchesSelectorMap(entry.selector, labels)) found.push(entry);
      }
    }
    return found.sort((a, b) => a.order - b.order).map((entry) => entry.item);
  }
}

/**
 * Label sets (pod templates) indexed by `key=value`, to ask whether any of them satisfies an equality
 * selector, and which label keys occur at all.
 */
export class LabelSetIndex {
  private readonly postings = new EntryLists<Labels>();
  readonly keys = new Set<string>();

  add(labels: Labels): void {
    for (const [key, value] of Object.entries(labels)) {
      this.keys.add(key);
      this.postings.add(key, value, labels);
    }
  }

  /** Whether some label set carries every entry of a non-empty selector. */
  anyMatches(selector: JsonObject): boolean {
    const first = Object.entries(selector)[0];
    if (!first) return false;
    return (this.postings.get(first[0], first[1]) ?? []).some((labels) => matchesSelectorMap(selector, labels));
  }
}
