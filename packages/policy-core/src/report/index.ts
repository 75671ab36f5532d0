/** Report formatters: pure functions from a `Report` to the text of one output format. */
import type { Report } from '../types.js';
import { formatJson } from './json.js';
import { formatJunit, junitChunks, type JunitOptions } from './junit.js';
import { formatMarkdown, type MarkdownOptions } from './markdown.js';
import { formatSarif, sarifChunks, type SarifOptions } from './sarif.js';
import { jsonChunks } from './json-chunks.js';
import { formatText, textLines } from './text.js';

export { formatText, textLines, type TextOptions } from './text.js';
export { formatJson, JSON_REPORT_VERSION, jsonReportSchema } from './json.js';
export {
  formatSarif,
  sarifChunks,
  toSarif,
  SARIF_LEVEL,
  SARIF_SCHEMA_URI,
  SECURITY_SEVERITY,
  FINGERPRINT_KEY,
  type SarifOptions,
} from './sarif.js';
export {
  formatMarkdown,
  MARKDOWN_MAX_LENGTH,
  DEFAULT_MAX_FINDINGS,
  FINDINGS_TABLE_CUT,
  SEVERITY_ICON,
  cell as markdownCell,
  code as markdownCode,
  type MarkdownOptions,
} from './markdown.js';
export { formatJunit, junitChunks, type JunitOptions } from './junit.js';
export {
  DEFAULT_HELP_URI_BASE,
  compareByLocation,
  compareBySeverity,
  compareStrings,
  formatScore,
  helpUriResolver,
  oneLine,
  ruleHelpUri,
  sortedFindings,
} from './common.js';

export { mergeFileSummaries, withFileErrors, type FileError } from './file-errors.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The options of every format; each formatter reads only its own. */
export interface FormatOptions extends SarifOptions, MarkdownOptions, JunitOptions {
  /** Text: write ANSI colours (default false; the CLI decides from the TTY and NO_COLOR). */
  color?: boolean;
  /** Text: list suppressed findings instead of only counting them. */
  showSuppressed?: boolean;
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function formatReport(report: Report, format: ReportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, {
        color: options.color ?? false,
        showSuppressed: options.showSuppressed ?? false,
      });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, pick(options, ['helpUriBase']));
    case 'markdown':
      return formatMarkdown(report, pick(options, ['helpUriBase', 'maxFindings', 'title']));
    case 'junit':
      return formatJunit(report, pick(options, ['failOn']));
    default: {
      const unknown: never = format;
      throw new Error(`unknown report format: ${String(unknown)}`);
    }
  }
}

/**
 * `formatReport` as a sequence of pieces whose concatenation is exactly its text: text, JSON, SARIF and
 * JUnit come a finding or test case at a time (a 50,000-resource scan writes about 100 MB of JSON);
 * Markdown, capped in length, in one piece.
 */
export function formatReportChunks(
  report: Report,
  format: ReportFormat,
  options: FormatOptions = {},
): Iterable<string> {
  switch (format) {
    case 'json':
      return withFinalNewline(jsonChunks(report, 2));
    case 'sarif':
      return withFinalNewline(sarifChunks(report, pick(options, ['helpUriBase'])));
    case 'text':
      return withLineBreaks(
        textLines(report, { color: options.color ?? false, showSuppressed: options.showSuppressed ?? false }),
      );
    case 'junit':
      return junitChunks(report, pick(options, ['failOn']));
    default:
      return [formatReport(report, format, options)];
  }
}

function* withFinalNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

function* withLineBreaks(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
