import type { AccessTracker } from './access-tracker.js';

type Path = (string | number)[];

/**
 * The keys no validator read, after a validation run through `tracker`: an object whose named properties
 * were read but whose keys were never listed is a struct (a schema with `properties`), so its other keys
 * are unknown fields — what kubeconform `-strict` reports as `additionalProperties 'x' not allowed`. Maps
 * (keys listed) and objects never looked into (free-form: RawExtension, preserve-unknown-fields) have none.
 * Returns the path of each unknown key; their values are not descended into. `allowed` names extra fields
 * to accept on a struct, given what its validator read (see InvisibleProperties).
 */
export function unknownFields(
  value: unknown,
  tracker: AccessTracker,
  allowed: (read: ReadonlySet<string>) => ReadonlySet<string> | undefined = () => undefined,
): Path[] {
  const out: Path[] = [];
  // Objects can be shared (YAML aliases): visit each once, at its first path. An explicit stack keeps
  // arbitrarily deep values from exhausting the call stack.
  const seen = new WeakSet<object>();
  const stack: { node: unknown; path: Path }[] = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const children: { node: unknown; path: Path }[] = [];
    if (Array.isArray(node)) {
      node.forEach((item, index) => children.push({ node: item, path: [...path, index] }));
    } else {
      const record = tracker.records.get(node);
      if (!record) continue;
      const struct = !record.enumerated && record.read.size > 0;
      const extra = struct ? allowed(record.read) : undefined;
      for (const [key, child] of Object.entries(node)) {
        if (struct && !record.read.has(key) && !extra?.has(key)) out.push([...path, key]);
        else children.push({ node: child, path: [...path, key] });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}
