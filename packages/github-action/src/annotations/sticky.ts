import { truncateText } from './truncate.js';

/** The hidden marker that identifies the summary comment, so later runs update it instead of adding one. */
export const STICKY_MARKER = '<!-- shiftdown:summary -->';
/** GitHub's limit on an issue comment body. */
export const COMMENT_LIMIT = 65_536;

export const STICKY_TRUNCATED_NOTE =
  '… truncated: the full report is in the job summary and the SARIF report.';

/** The sticky summary comment body: the marker first, then the Markdown, fitted to GitHub's limit. */
export function stickyComment(markdown: string): string {
  const prefix = `${STICKY_MARKER}\n`;
  return prefix + truncateText(markdown, COMMENT_LIMIT - prefix.length, STICKY_TRUNCATED_NOTE);
}

/**
 * True for a body made by `stickyComment` (the marker leads, so a comment that quotes or mentions the
 * marker elsewhere does not count).
 */
export function isStickyComment(body: string, marker: string = STICKY_MARKER): boolean {
  return body.trimStart().startsWith(marker);
}
