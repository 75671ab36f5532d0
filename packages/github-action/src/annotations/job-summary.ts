import {
  FINDINGS_TABLE_CUT,
  SEVERITY_ICON,
  markdownCell,
  markdownCode,
  oneLine,
  type Finding,
} from '@shiftdown/policy-core';
import { reportable } from './order.js';

/** GitHub's limit on a step's job summary (1 MiB, in bytes); over it the upload is aborted. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

const MAX_MESSAGE = 300;

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
  if (!FINDINGS_TABLE_CUT.test(markdown)) return markdown;
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
    const row = `\n| ${SEVERITY_ICON[f.severity]} ${f.severity} | [${markdownCode(f.ruleId)}](${helpUri(f.ruleId)}) | ${markdownCode(`${f.file}:${f.line}`)} | ${markdownCell(oneLine(f.message), MAX_MESSAGE)} |`;
    if (used + bytes(row) > limit) break;
    rows.push(row);
    used += bytes(row);
  }
  const cut = rows.length < open.length ? room(rows.length) : '';
  return `${markdown}${head}${rows.join('')}${cut}${tail}`;
}
