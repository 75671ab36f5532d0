import type { Hunk } from './types.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/** Parses a `@@ -a,b +c,d @@ section` line; an omitted count means 1. Undefined if the line is not one. */
export function parseHunkHeader(line: string): Omit<Hunk, 'lines'> | undefined {
  const m = HUNK_HEADER.exec(line);
  if (!m) return undefined;
  return {
    oldStart: Number(m[1]),
    oldLines: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newLines: m[4] === undefined ? 1 : Number(m[4]),
    section: m[5] ?? '',
  };
}

/** Splits on LF or CRLF; drops the empty string a final line break leaves. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Reads the hunks starting at `lines[start]` (which must be a hunk header) and stops at the first line
 * after a complete hunk that is not another header. The header counts decide where a hunk ends, so a
 * deleted line reading `--- a/x` or `-- ` is never mistaken for a file header.
 * Returns the hunks and the index of the first unread line.
 */
export function readHunks(lines: readonly string[], start: number): { hunks: Hunk[]; next: number } {
  const hunks: Hunk[] = [];
  let i = start;
  while (i < lines.length) {
    const headerLine = lines[i] as string;
    const header = parseHunkHeader(headerLine);
    if (!header) {
      if (hunks.length === 0) throw new Error(`malformed patch: expected a hunk header, got "${headerLine}"`);
      break;
    }
    const hunk: Hunk = { ...header, lines: [] };
    hunks.push(hunk);
    i++;
    let oldLeft = header.oldLines;
    let newLeft = header.newLines;
    let oldLine = header.oldStart;
    let newLine = header.newStart;
    while (oldLeft > 0 || newLeft > 0) {
      const text = lines[i];
      if (text === undefined) throw new Error(`malformed patch: hunk "${headerLine}" is truncated`);
      const position = i - start;
      const marker = text[0];
      // An empty line is a context line whose leading space was stripped (editors, some tools).
      if ((marker === ' ' || marker === undefined) && oldLeft > 0 && newLeft > 0) {
        hunk.lines.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, position });
        oldLeft--;
        newLeft--;
      } else if (marker === '+' && newLeft > 0) {
        hunk.lines.push({ kind: 'added', newLine: newLine++, position });
        newLeft--;
      } else if (marker === '-' && oldLeft > 0) {
        hunk.lines.push({ kind: 'deleted', oldLine: oldLine++, position });
        oldLeft--;
      } else if (marker !== '\\') {
        throw new Error(`malformed patch: unexpected line "${text}" in hunk "${headerLine}"`);
      }
      i++;
    }
    // `\ No newline at end of file` may follow the hunk's last line.
    while (lines[i]?.startsWith('\\')) i++;
  }
  return { hunks, next: i };
}

/**
 * Parses the `patch` of a GitHub `pulls.listFiles` item: unified-diff hunks without file headers.
 * Throws on a malformed patch.
 */
export function parsePatch(patch: string): Hunk[] {
  if (patch.trim() === '') return [];
  const lines = splitLines(patch);
  const { hunks, next } = readHunks(lines, 0);
  if (next < lines.length) throw new Error(`malformed patch: unexpected line "${lines[next]}"`);
  return hunks;
}

/** The added and context (new-side) line numbers of some hunks. */
export function newSideLines(hunks: readonly Hunk[]): { added: Set<number>; context: Set<number> } {
  const added = new Set<number>();
  const context = new Set<number>();
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === 'added') added.add(line.newLine as number);
      else if (line.kind === 'context') context.add(line.newLine as number);
    }
  }
  return { added, context };
}
