/** The note that ends a truncated text, on its own line. */
export const TRUNCATED_NOTE = '… truncated: the full list is in the job summary and the SARIF report.';

/**
 * Fits `text` into `limit` characters (UTF-16 code units, as GitHub counts them). A text that fits is
 * returned unchanged; otherwise it is cut at the last line break that leaves room for the note (so a
 * Markdown table row is never cut in half) and the note is appended on its own line.
 */
export function truncateText(text: string, limit: number, note: string = TRUNCATED_NOTE): string {
  if (text.length <= limit) return text;
  const suffix = `\n\n${note}`;
  if (suffix.length > limit) return note.slice(0, limit);
  let kept = text.slice(0, limit - suffix.length);
  const lineBreak = kept.lastIndexOf('\n');
  if (lineBreak > 0) kept = kept.slice(0, lineBreak);
  // Never leave half a surrogate pair behind.
  else if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return kept.trimEnd() + suffix;
}
