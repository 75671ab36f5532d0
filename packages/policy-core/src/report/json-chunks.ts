/**
 * `JSON.stringify(value, null, 2)` in pieces: the same text, produced a few kilobytes at a time so that
 * a caller can write a report of 100 MB to a file or a pipe without ever holding it as one string.
 * Objects and arrays above `depth` levels are written member by member; values at that depth (a
 * report's findings are at depth 2) are written
 * with `JSON.stringify` and indented to their place (JSON text has no raw line breaks inside strings,
 * so every line break is between tokens). Values are plain data: no `toJSON` methods are called, and
 * like `JSON.stringify`, object properties whose value is undefined, a function or a symbol are left
 * out and such array items are written as `null`.
 */
export function* jsonChunks(value: unknown, depth: number): Generator<string> {
  yield* chunks(value, 0, depth);
}

const INDENT = '  ';

/**
 * An array for `jsonChunks` whose items are made only as they are written (and dropped right after):
 * written exactly as `source.map(map)` would be. Where it is serialised whole (below `depth`, or by
 * `JSON.stringify`) it becomes that array first.
 */
export class LazyArray<T, U> {
  constructor(
    readonly source: readonly T[],
    readonly map: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return this.source.map(this.map);
  }
}

function* chunks(value: unknown, level: number, depth: number): Generator<string> {
  if (level >= depth || value === null || typeof value !== 'object') {
    // undefined (and functions, symbols) only reach here as array items: written as null.
    yield indented((JSON.stringify(value, null, 2) as string | undefined) ?? 'null', level);
    return;
  }
  if (value instanceof LazyArray) {
    const { source, map } = value as LazyArray<unknown, unknown>;
    yield* arrayChunks(source.length, (i) => map(source[i]), level, depth);
    return;
  }
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    yield* arrayChunks(items.length, (i) => items[i], level, depth);
    return;
  }
  const inner = INDENT.repeat(level + 1);
  const closing = INDENT.repeat(level);
  let first = true;
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunks(member, level + 1, depth);
  }
  yield first ? '{}' : `\n${closing}}`;
}

function* arrayChunks(
  length: number,
  item: (index: number) => unknown,
  level: number,
  depth: number,
): Generator<string> {
  if (length === 0) {
    yield '[]';
    return;
  }
  const inner = INDENT.repeat(level + 1);
  yield '[';
  for (let i = 0; i < length; i++) {
    yield `${i === 0 ? '' : ','}\n${inner}`;
    yield* chunks(item(i), level + 1, depth);
  }
  yield `\n${INDENT.repeat(level)}]`;
}

/** A value serialised at the top level, moved `level` levels in. */
function indented(json: string, level: number): string {
  return level === 0 || !json.includes('\n') ? json : json.replaceAll('\n', `\n${INDENT.repeat(level)}`);
}
