import { isMap, isScalar, isCollection } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { walkPath, type PathStep } from './yaml-path.js';
import type { DocumentSource } from '../parse/document-source.js';
import type { Path, SourceRange } from '../types.js';

export interface Located extends SourceRange {
  /** True when the whole path exists; false when the range is the nearest existing parent. */
  exact: boolean;
}


/**
 * Finds source ranges for paths inside one object of a parsed document. Aliases are followed to
 * their anchors and merge keys (`<<: *base`) are searched, so a value that came from an anchor is
 * reported where it is written.
 */
export class Locator {
  constructor(
    private readonly source: DocumentSource,
    /** Path of the object inside the document (e.g. `['items', 3]` for a List item). */
    readonly base: Path,
  ) {}

  /** Where the object itself starts. */
  start(): SourceRange {
    return this.view().start();
  }

  /** The text of one 1-based line of the file. */
  lineText(line: number): string | undefined {
    return this.source.lineText(line);
  }

  /** The range of `path` (relative to the object), or of its nearest existing parent. */
  locate(path: Path): Located {
    return this.view().locate(path);
  }

  // A view per call, so that no syntax tree outlives the call (the source may have released it).
  private view(): TreeView {
    const { tree, offset } = this.source.get();
    return new TreeView(tree, offset, this.source, this.base);
  }
}

class TreeView {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly offset: number,
    private readonly source: DocumentSource,
    private readonly base: Path,
  ) {}

  start(): SourceRange {
    const steps = walkPath(this.doc, this.base);
    const node = steps[steps.length - 1]?.node;
    const offset = node?.range?.[0] ?? 0;
    return this.range(offset, offset);
  }

  locate(path: Path): Located {
    const steps = walkPath(this.doc, [...this.base, ...path]);
    const exact = steps.length === this.base.length + path.length + 1;
    const last = steps[steps.length - 1]!;
    if (exact) return { ...this.rangeOfStep(last), exact };
    return { ...this.rangeOfParent(last), exact };
  }

  /** Key through value for scalars and flow collections; the key alone for block collections. */
  private rangeOfStep(step: PathStep): SourceRange {
    const { node, pair } = step;
    const keyNode = pair?.key as Node | undefined;
    const valueRange = node.range;
    if (keyNode?.range && valueRange && isSameDocRegion(keyNode.range[0], valueRange[0])) {
      const blockCollection = isCollection(node) && !(node as { flow?: boolean }).flow;
      const end = blockCollection ? keyNode.range[1] : valueRange[1];
      return this.range(keyNode.range[0], end);
    }
    if (keyNode?.range) return this.range(keyNode.range[0], keyNode.range[1]);
    if (valueRange) {
      if (isMap(node) && node.items.length > 0) return this.rangeOfIdentity(node);
      return this.range(valueRange[0], isCollection(node) ? firstLineEnd(valueRange[0], valueRange[1]) : valueRange[1]);
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /** For a missing key: the parent's key, or the identifying `name:` of a list item (a container). */
  private rangeOfParent(step: PathStep): SourceRange {
    const { node, pair } = step;
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) return this.range(keyNode.range[0], keyNode.range[1]);
    if (isMap(node) && node.items.length > 0) return this.rangeOfIdentity(node);
    return this.rangeOfStep(step);
  }

  /** The `name:` pair of a map if it has one (containers, volumes), else its `kind:`, else its first key. */
  private rangeOfIdentity(map: YAMLMap): SourceRange {
    const pairs = map.items as Pair[];
    const byKey = (k: string) => pairs.find((p) => isScalar(p.key) && String(p.key.value) === k);
    const pick = byKey('name') ?? byKey('kind') ?? pairs[0]!;
    const key = pick.key as Node;
    const value = pick.value as Node | null;
    const start = key.range?.[0] ?? 0;
    const end = value && isScalar(value) && value.range ? value.range[1] : (key.range?.[1] ?? start);
    return this.range(start, end);
  }

  private range(start: number, end: number): SourceRange {
    const a = this.source.linePos(start + this.offset);
    const b = this.source.linePos(Math.max(end, start) + this.offset);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
}

/** A key and its value come from the same place unless the value is an alias into an anchor elsewhere. */
function isSameDocRegion(keyStart: number, valueStart: number): boolean {
  return valueStart >= keyStart;
}

function firstLineEnd(start: number, end: number): number {
  return Math.min(end, start + 1);
}

/** `spec.containers[0].securityContext` */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
