/**
 * A JSON pointer from kubeconform (`/spec/containers/0`, `''` for the root) as a core Path relative to
 * `object`: `~1` and `~0` are decoded, and a segment is an array index (a number) exactly when the value
 * it indexes into is an array — a key such as `"0"` in a map stays a string.
 */
export function pointerToPath(pointer: string, object: unknown): (string | number)[] {
  if (pointer === '' || pointer === '/') return pointer === '' ? [] : [''];
  const segments = (pointer.startsWith('/') ? pointer.slice(1) : pointer)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: (string | number)[] = [];
  let current: unknown = object;
  for (const segment of segments) {
    if (Array.isArray(current) && /^(0|[1-9]\d*)$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current =
        typeof current === 'object' &&
        current !== null &&
        Object.prototype.hasOwnProperty.call(current, segment)
          ? (current as Record<string, unknown>)[segment]
          : undefined;
    }
  }
  return path;
}

/** The value at `path`, or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return undefined;
      current = current[segment];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
