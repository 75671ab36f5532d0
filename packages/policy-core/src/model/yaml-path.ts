import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Path } from '../types.js';

/** One node along a path through a syntax tree. */
export interface PathStep {
  node: Node;
  /** The pair whose value is `node` (undefined for sequence items and the root). */
  pair?: Pair;
}

/** Alias and merge chains longer than this are not followed (they cannot occur in sane input). */
const MAX_INDIRECTION = 32;
const MERGE_KEY = '<<';

/**
 * The nodes along `path` from the document root, as far as they exist. Aliases are followed to their
 * anchors and merge keys (`<<: *base`) are searched, so a value is found where it is written — the
 * same resolution the decoded data went through.
 */
export function walkPath(doc: Document.Parsed, path: Path): PathStep[] {
  const root = doc.contents as Node | null;
  if (!root) return [];
  const steps: PathStep[] = [{ node: deref(doc, root) }];
  for (const segment of path) {
    const current = steps[steps.length - 1]!.node;
    let next: PathStep | undefined;
    if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment] as Node | undefined;
      next = item ? { node: deref(doc, item) } : undefined;
    } else if (isMap(current)) {
      next = findInMap(doc, current, String(segment), 0);
    }
    if (!next) break;
    steps.push(next);
  }
  return steps;
}

function findInMap(doc: Document.Parsed, map: YAMLMap, key: string, depth: number): PathStep | undefined {
  if (depth > MAX_INDIRECTION) return undefined;
  let found: PathStep | undefined;
  const merges: Node[] = [];
  for (const pair of map.items as Pair[]) {
    const keyNode = pair.key as Node | null;
    const keyText = isScalar(keyNode) ? scalarKey(keyNode.value) : undefined;
    if (keyText === MERGE_KEY && pair.value) {
      merges.push(pair.value as Node);
      continue;
    }
    // Last one wins, as when the document is decoded. A key without a value is its own node.
    if (keyText === key) found = pair.value ? { node: deref(doc, pair.value as Node), pair } : { node: keyNode!, pair };
  }
  if (found) return found;
  for (const merge of merges) {
    const source = deref(doc, merge);
    for (const candidate of isSeq(source) ? source.items.map((n) => deref(doc, n as Node)) : [source]) {
      const hit = isMap(candidate) ? findInMap(doc, candidate, key, depth + 1) : undefined;
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The anchored node an alias points at (the node itself when it is not an alias). */
export function deref(doc: Document.Parsed, node: Node): Node {
  let current = node;
  for (let i = 0; i < MAX_INDIRECTION && isAlias(current); i++) {
    const target = current.resolve(doc) as Node | undefined;
    if (!target) break;
    current = target;
  }
  return current;
}

/** The merge key `<<` is a Symbol in the yaml library's AST (with merge keys on). */
function scalarKey(value: unknown): string {
  return typeof value === 'symbol' ? (value.description ?? '') : String(value);
}
