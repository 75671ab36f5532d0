type Path = (string | number)[];

/**
 * An ajv `instancePath` (a JSON pointer, `/spec/containers/0/ports`) as a Shiftdown path. A segment is an
 * array index only where the value at that point is an array, so a map key such as `"0"` stays a string.
 */
export function pointerToPath(pointer: string, root: unknown): Path {
  if (pointer === '') return [];
  const path: Path = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(segment)) {
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
