/**
 * The source text of the mapping key that starts at `offset` (the yaml library marks only a key's
 * first character in its errors): a quoted key with its quotes, else the text up to the `: ` that
 * ends it.
 */
export function keySourceAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 1024);
  const quoted = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*')/.exec(rest);
  if (quoted) return quoted[1]!;
  const plain = /^[^:\n]*?(?=\s*:(?:\s|$))/.exec(rest)?.[0];
  return (plain ?? rest.split('\n')[0] ?? '').trimEnd();
}

/** A key's source text without its quotes. */
export function unquoteKey(source: string): string {
  return /^(["']).*\1$/s.test(source) ? source.slice(1, -1) : source;
}
