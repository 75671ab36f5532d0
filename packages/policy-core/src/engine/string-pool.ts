/**
 * Compact strings for findings. A large scan keeps hundreds of thousands of findings until the report
 * is returned, and most of their text repeats: the same field path, the same message for every
 * Deployment whose container is called `app`. Strings built by concatenation are also trees of
 * fragments in V8 (a 16-digit fingerprint made of two halves is three objects). These helpers store
 * one copy of each repeated string and make short built strings flat; the values do not change.
 */

/** One copy of each distinct string, up to `capacity` distinct strings (then new ones pass through). */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size < this.capacity) this.strings.set(text, text);
    return text;
  }
}

const codes: number[] = [];

/** The same characters as one flat string (for short strings built from pieces, e.g. fingerprints). */
export function flatString(text: string): string {
  if (text.length > 64) return text;
  codes.length = text.length;
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return String.fromCharCode.apply(null, codes);
}

/**
 * A message with the resource's name in it, rebuilt from pooled pieces around that name (the pieces
 * repeat from resource to resource; the name is the resource's own string), so that thousands of
 * messages that differ only by the name share everything else. Messages without the name are pooled
 * whole.
 */
export function pooledMessage(message: string, name: string | undefined, pool: StringPool): string {
  if (name === undefined || name.length < 2) return pool.intern(message);
  let at = message.indexOf(name);
  if (at < 0) return pool.intern(message);
  let rebuilt = '';
  let from = 0;
  while (at >= 0) {
    rebuilt += pool.intern(message.slice(from, at)) + name;
    from = at + name.length;
    at = message.indexOf(name, from);
  }
  return rebuilt + pool.intern(message.slice(from));
}
