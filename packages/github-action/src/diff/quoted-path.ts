// Git quotes a path in diff headers ("C-style", core.quotePath) when it holds a double quote, a
// backslash, a control character or, by default, any non-ASCII byte (written as octal escapes of its
// UTF-8 bytes). Spaces alone do not cause quoting.

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Reads a C-style quoted string starting at `text[start]` (a `"`). Returns the decoded value and the
 * index after the closing quote, or undefined when the quoting is broken.
 */
export function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') return { value: new TextDecoder().decode(new Uint8Array(bytes)), end: i + 1 };
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      const octal = /^[0-3][0-7]{2}/.exec(text.slice(i + 1, i + 4));
      if (octal) {
        bytes.push(parseInt(octal[0], 8));
        i += 4;
        continue;
      }
      const code = ESCAPES[next];
      if (code === undefined) return undefined;
      bytes.push(code);
      i += 2;
      continue;
    }
    // Whole code points, so that a character outside the BMP is not split into lone surrogates.
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    bytes.push(...new TextEncoder().encode(char));
    i += char.length;
  }
  return undefined;
}

/** Decodes a header path that may be quoted; an unquoted one is returned as is. */
export function unquotePath(text: string): string {
  if (!text.startsWith('"')) return text;
  const quoted = readQuoted(text, 0);
  return quoted && quoted.end === text.length ? quoted.value : text;
}
