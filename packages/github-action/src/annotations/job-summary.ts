import type { Finding, Severity } from '@shiftdown/policy-core';
import { reportable } from './order.js';

/** GitHub's limit on a step's job summary (1 MiB, in bytes); over it the upload is aborted. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

/** The note the core's Markdown report ends its findings table with when it had to cut it. */
const TABLE_CUT = /^… and \d+ more findings? \(see the full report\)/m;

const ICON: Readonly<Record<Severity, string>> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

const MAX_MESSAGE = 300;

/** Markdown-inert text for a table cell: one line, specials escaped. */
function cell(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const clipped = line.length <= max ? line : `${line.slice(0, max - 1)}…`;
  return clipped.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** An inline code span that survives backticks and `|` inside a table. */
function code(text: string): string {
  const content = text.replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

export interface JobSummaryOptions {
  /** Rule id → documentation link. */
  helpUri: (ruleId: string) => string;
  /** Bytes available (default: GitHub's 1 MiB limit). */
  limit?: number;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The job summary: the report's Markdown, and — when its findings table was cut to fit a PR comment
 * (200 rows, 60,000 characters) — every unsuppressed finding in a collapsed table, worst first, up to
 * GitHub's 1 MiB limit (a final line says how many did not fit and where they are).
 */
export function jobSummary(
  markdown: string,
  findings: readonly Finding[],
  { helpUri, limit = JOB_SUMMARY_LIMIT }: JobSummaryOptions,
): string {
  if (!TABLE_CUT.test(markdown)) return markdown;
  const open = reportable(findings);
  const head = [
    '',
    '<details>',
    `<summary>All ${open.length} findings</summary>`,
    '',
    '| Severity | Rule | Location | Message |',
    '| :--- | :--- | :--- | :--- |',
  ].join('\n');
  const tail = '\n\n</details>\n';
  const room = (kept: number) =>
    `\n\n… and ${open.length - kept} more: every finding is in the SARIF and JSON reports.`;
  let used = bytes(markdown) + bytes(head) + bytes(tail) + bytes(room(0));
  const rows: string[] = [];
  for (const f of open) {
    const row = `\n| ${ICON[f.severity]} ${f.severity} | [${code(f.ruleId)}](${helpUri(f.ruleId)}) | ${code(`${f.file}:${f.line}`)} | ${cell(f.message, MAX_MESSAGE)} |`;
    if (used + bytes(row) > limit) break;
    rows.push(row);
    used += bytes(row);
  }
  const cut = rows.length < open.length ? room(rows.length) : '';
  return `${markdown}${head}${rows.join('')}${cut}${tail}`;
}
