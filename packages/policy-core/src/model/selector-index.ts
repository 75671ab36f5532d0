import type { JsonObject } from './values.js';
import type { Labels } from './selector.js';
import { matchesSelectorMap } from './selector.js';

const entryKey = (key: string, value: unknown): string => `${key}\u0000${String(value)}`;

/**
 * Objects with an equality selector (Services), found by the labels of a pod without comparing every
 * pair: each selector is filed under one of its entries, so a lookup only checks the selectors that
 * share at least one `key=value` with the labels. Results keep the order the objects were added in.
 */
export class SelectorMapIndex<T> {
  private readonly anchors = new Map<string, { item: T; selector: JsonObject; order: number }[]>();
  private size = 0;

  /** Files `item` under `selector`; an empty selector is not filed (it selects nothing here). */
  add(item: T, selector: JsonObject): void {
    const first = Object.entries(selector)[0];
    if (!first) return;
    const anchor = entryKey(first[0], first[1]);
    const list = this.anchors.get(anchor);
    const entry = { item, selector, order: this.size++ };
    if (list) list.push(entry);
    else this.anchors.set(anchor, [entry]);
  }

  /** The items whose selector every entry of which the labels carry. */
  matching(labels: Labels): T[] {
    const found: { item: T; order: number }[] = [];
    for (const [key, value] of Object.entries(labels)) {
      for (const entry of this.anchors.get(entryKey(key, value)) ?? []) {
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
  private readonly postings = new Map<string, Labels[]>();
  readonly keys = new Set<string>();

  add(labels: Labels): void {
    for (const [key, value] of Object.entries(labels)) {
      this.keys.add(key);
      const list = this.postings.get(entryKey(key, value));
      if (list) list.push(labels);
      else this.postings.set(entryKey(key, value), [labels]);
    }
  }

  /** Whether some label set carries every entry of a non-empty selector. */
  anyMatches(selector: JsonObject): boolean {
    const first = Object.entries(selector)[0];
    if (!first) return false;
    return (this.postings.get(entryKey(first[0], first[1])) ?? []).some((labels) =>
      matchesSelectorMap(selector, labels),
    );
  }
}
