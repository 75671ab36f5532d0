/**
 * GitHub-flavoured Markdown for PR comments and job summaries. The output always stays under
 * MARKDOWN_MAX_LENGTH characters (GitHub rejects comments over 65,536): long tables are cut, and
 * the cut is said.
 */
import type { Finding, Report, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';
import {
  compareBySeverity,
  formatScore,
  groupByFile,
  helpUriResolver,
  oneLine,
  plural,
  resourceId,
  sortedFindings,
  truncate,
} from './common.js';

export interface MarkdownOptions {
  /**
   * Base of the rule documentation links (`${helpUriBase}/${ruleId}.md`). Without it, each rule's
   * `helpUri` from the report is used (the engine computes it from the same default base).
   */
  helpUriBase?: string;
  /** Most rows in the findings table (default 200). */
  maxFindings?: number;
  /** Heading text (default `Shiftdown`). */
  title?: string;
}

/** The output is always shorter than this many characters. */
export const MARKDOWN_MAX_LENGTH = 60_000;
export const DEFAULT_MAX_FINDINGS = 200;

type HelpUri = (ruleId: string) => string;

export const SEVERITY_ICON: Readonly<Record<Severity, string>> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

// Character budgets of the bounded sections; whatever is left goes to the findings table.
const CATEGORY_BUDGET = 6_000;
const SUPPRESSED_BUDGET = 8_000;
const ERRORS_BUDGET = 6_000;
const SKIPPED_BUDGET = 3_000;
/** Room kept for the "… and N more" note under the findings table. */
const NOTE_RESERVE = 300;

/** Matches the note that ends the findings table when it had to be cut (by `maxFindings` or the length limit). */
export const FINDINGS_TABLE_CUT = /^… and \d+ more findings? \(see the full report\)/m;

// Longest text kept in one table cell (before escaping).
const MAX_MESSAGE = 500;
const MAX_SHORT = 200;

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const helpUri = helpUriResolver(report.rules, options.helpUriBase);
  const maxFindings = Math.max(0, Math.floor(options.maxFindings ?? DEFAULT_MAX_FINDINGS));
  const open = sortedFindings(
    report.findings.filter((f) => !f.suppressed),
    compareBySeverity,
  );
  const suppressed = sortedFindings(
    report.findings.filter((f) => f.suppressed),
    compareBySeverity,
  );
  const files = groupByFile(report.files, []);

  const head = renderHead(report, options.title ?? 'Shiftdown', open.length, suppressed.length);
  const tail = [
    renderSuppressed(suppressed, helpUri),
    renderErrors(
      files.flatMap((f) =>
        f.errors.map((e) => ({ location: `${f.path}:${e.line}:${e.column}`, text: e.message })),
      ),
    ),
    renderSkipped(
      files.flatMap((f) => f.skipped.map((s) => ({ location: `${f.path}:${s.line}`, text: s.reason }))),
    ),
  ].filter((section) => section !== '');

  const fixedLength = [head, ...tail].reduce((sum, section) => sum + section.length + 2, 0);
  const findingsBudget = MARKDOWN_MAX_LENGTH - 1 - fixedLength - NOTE_RESERVE;
  const sections = [head, renderFindings(open, maxFindings, findingsBudget, helpUri), ...tail];
  const out = `${sections.join('\n\n')}\n`;
  // Unreachable with the budgets above; a last guard so the promise holds whatever the input.
  return out.length < MARKDOWN_MAX_LENGTH
    ? out
    : `${truncate(out, MARKDOWN_MAX_LENGTH - 100)}\n\n(truncated)\n`;
}

function renderHead(report: Report, title: string, openCount: number, suppressedCount: number): string {
  const s = report.summary;
  const lines = [
    `## 🛡️ ${escapeText(truncate(oneLine(title), MAX_SHORT))}: ${s.grade} (${formatScore(s.score)}/100)`,
    '',
  ];
  if (s.cap) lines.push(`> ⚠️ **Grade capped:** ${escapeText(truncate(oneLine(s.cap), MAX_MESSAGE))}`, '');

  const scanned = [
    `**${plural(openCount, 'finding')}**${suppressedCount > 0 ? ` (${suppressedCount} suppressed)` : ''}`,
    plural(s.files, 'file'),
    plural(s.documents, 'document'),
    plural(s.resources, 'resource'),
  ];
  if (s.errors > 0) scanned.push(plural(s.errors, 'file error'));
  lines.push(scanned.join(' · '));
  const settings = [
    `Profile \`${report.settings.profile}\``,
    `PSS ${escapeText(report.settings.pssVersion)}`,
  ];
  if (report.settings.kubernetesVersion) {
    settings.push(`Kubernetes ${escapeText(report.settings.kubernetesVersion)}`);
  }
  if (report.settings.schemaValidator) settings.push(`schemas: ${escapeText(report.settings.schemaValidator)}`);
  settings.push(
    `maturity level ${s.maturity.level} (${escapeText(truncate(oneLine(s.maturity.name), MAX_SHORT))})`,
  );
  lines.push('', settings.join(' · '));
  const next = (s.maturity.next ?? [])
    .slice(0, 5)
    .map((item) => escapeText(truncate(oneLine(item), MAX_SHORT)));
  if (next.length > 0) lines.push('', `**Next maturity level:** ${next.join('; ')}`);

  lines.push('', '| Severity | Findings |', '| :--- | ---: |');
  for (const severity of SEVERITIES) {
    lines.push(`| ${SEVERITY_ICON[severity]} ${capitalize(severity)} | ${s.counts[severity]} |`);
  }

  if (s.categories.length > 0) {
    const rows = s.categories.map(
      (c) => `| ${cell(c.title, MAX_SHORT)} | ${formatScore(c.score)} | ${c.grade} | ${c.findings} |`,
    );
    const shown = fitRows(rows, CATEGORY_BUDGET);
    lines.push(
      '',
      '### Categories',
      '',
      '| Category | Score | Grade | Findings |',
      '| :--- | ---: | :---: | ---: |',
    );
    lines.push(...rows.slice(0, shown));
    if (shown < rows.length)
      lines.push('', `… and ${plural(rows.length - shown, 'more category', 'more categories')}.`);
  }
  return lines.join('\n');
}

function renderFindings(findings: Finding[], maxFindings: number, budget: number, helpUri: HelpUri): string {
  if (findings.length === 0) return '### Findings\n\nNo findings. ✅';
  const header = [
    '### Findings',
    '',
    '| Severity | Rule | Location | Resource | Message |',
    '| :--- | :--- | :--- | :--- | :--- |',
  ];
  const headerLength = header.join('\n').length;
  const wanted = Math.min(maxFindings, findings.length);
  const rows: string[] = [];
  let used = headerLength;
  for (const finding of findings.slice(0, wanted)) {
    const row = findingRow(finding, helpUri);
    if (used + row.length + 1 > budget) break;
    rows.push(row);
    used += row.length + 1;
  }
  const omitted = findings.length - rows.length;
  const parts = [rows.length > 0 ? [...header, ...rows].join('\n') : '### Findings'];
  if (omitted > 0) {
    let note = `… and ${plural(omitted, 'more finding')} (see the full report).`;
    if (rows.length < wanted) {
      note += ` The table was shortened to stay under the ${MARKDOWN_MAX_LENGTH.toLocaleString('en-US')}-character limit.`;
    }
    parts.push(note);
  }
  return parts.join('\n\n');
}

function findingRow(f: Finding, helpUri: HelpUri): string {
  return `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${ruleLink(f.ruleId, helpUri)} | ${code(
    truncate(`${f.file}:${f.line}`, MAX_SHORT),
  )} | ${code(truncate(resourceId(f.resource), MAX_SHORT))} | ${cell(f.message, MAX_MESSAGE)} |`;
}

function renderSuppressed(findings: Finding[], helpUri: HelpUri): string {
  if (findings.length === 0) return '';
  const rows = findings.map(
    (f) =>
      `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${ruleLink(f.ruleId, helpUri)} | ${code(
        truncate(`${f.file}:${f.line}`, MAX_SHORT),
      )} | ${code(truncate(resourceId(f.resource), MAX_SHORT))} | ${cell(f.suppressed?.reason ?? '', MAX_SHORT)} | ${code(
        truncate(f.suppressed?.source ?? '', MAX_SHORT),
      )} |`,
  );
  const shown = fitRows(rows, SUPPRESSED_BUDGET);
  const lines = [
    '<details>',
    `<summary>${plural(findings.length, 'suppressed finding')}</summary>`,
    '',
    '| Severity | Rule | Location | Resource | Reason | Source |',
    '| :--- | :--- | :--- | :--- | :--- | :--- |',
    ...rows.slice(0, shown),
  ];
  if (shown < rows.length) lines.push('', `… and ${plural(rows.length - shown, 'more suppressed finding')}.`);
  lines.push('', '</details>');
  return lines.join('\n');
}

interface Located {
  location: string;
  text: string;
}

function renderErrors(errors: Located[]): string {
  if (errors.length === 0) return '';
  const rows = errors.map(
    (e) => `| ${code(truncate(e.location, MAX_SHORT))} | ${cell(e.text, MAX_MESSAGE)} |`,
  );
  const shown = fitRows(rows, ERRORS_BUDGET);
  const lines = ['### File errors', '', '| Location | Error |', '| :--- | :--- |', ...rows.slice(0, shown)];
  if (shown < rows.length) lines.push('', `… and ${plural(rows.length - shown, 'more file error')}.`);
  return lines.join('\n');
}

function renderSkipped(skipped: Located[]): string {
  if (skipped.length === 0) return '';
  const rows = skipped.map(
    (s) => `| ${code(truncate(s.location, MAX_SHORT))} | ${cell(s.text, MAX_SHORT)} |`,
  );
  const shown = fitRows(rows, SKIPPED_BUDGET);
  const lines = [
    '<details>',
    `<summary>${plural(skipped.length, 'skipped document')}</summary>`,
    '',
    '| Location | Reason |',
    '| :--- | :--- |',
    ...rows.slice(0, shown),
  ];
  if (shown < rows.length) lines.push('', `… and ${plural(rows.length - shown, 'more skipped document')}.`);
  lines.push('', '</details>');
  return lines.join('\n');
}

/** How many leading rows fit in `budget` characters (one newline each). */
function fitRows(rows: readonly string[], budget: number): number {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    used += (rows[i]?.length ?? 0) + 1;
    if (used > budget) return i;
  }
  return rows.length;
}

function ruleLink(ruleId: string, helpUri: HelpUri): string {
  return `[${code(truncate(ruleId, MAX_SHORT))}](${helpUri(ruleId)})`;
}

/**
 * Text for a table cell: Markdown and HTML punctuation is backslash-escaped (so `|` cannot end
 * the cell and `<` cannot open a tag), newlines become `<br>`, other control characters spaces.
 */
export function cell(text: string, max: number): string {
  return (
    escapeText(truncate(text.trim(), max))
      .replace(/\r\n|\r|\n/g, '<br>')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
  );
}

/** Backslash-escape the characters that Markdown or HTML would interpret. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** An inline code span that survives any content, including backticks and `|` inside a table. */
export function code(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const content = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || content === '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
