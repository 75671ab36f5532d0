import type { Finding, RuleSummary, Severity } from '@shiftdown/policy-core';
import { annotationTitle, reportable } from './order.js';
import { annotationRange } from './range.js';
import { truncateText } from './truncate.js';

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

/** One entry of a check run's `output.annotations` (GitHub Checks API). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

export const ANNOTATION_LEVEL: Readonly<Record<Severity, AnnotationLevel>> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'warning',
  info: 'notice',
};

/** GitHub's limit on a check run's `output.summary` and `output.text`. */
export const CHECK_OUTPUT_LIMIT = 65_535;
/** GitHub's limit on an annotation's `title`. */
export const ANNOTATION_TITLE_LIMIT = 255;
/** GitHub's limit on an annotation's `message` and `raw_details`. */
export const ANNOTATION_TEXT_LIMIT = 65_535;

export type CheckRunRule = Pick<RuleSummary, 'id' | 'title'> &
  Partial<Pick<RuleSummary, 'helpUri' | 'remediation'>>;

export interface CheckRunOptions {
  rules: readonly CheckRunRule[];
  /** GitHub accepts at most 50 annotations per create/update request. */
  maxPerRequest?: number;
  /** Markdown for `output.summary`. */
  summary: string;
  /** Markdown for `output.text`; by default one line per unsuppressed finding. */
  text?: string;
}

export interface CheckRunPlan {
  /** One create/update request each (`batches[0]` goes with `checks.create`); empty without findings. */
  batches: CheckAnnotation[][];
  summary: string;
  text: string;
}

const clip = (value: string, limit: number): string =>
  value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;

export function checkAnnotation(finding: Finding, rule: CheckRunRule | undefined): CheckAnnotation {
  const range = annotationRange(finding);
  const annotation: CheckAnnotation = {
    path: finding.file,
    start_line: range.startLine,
    end_line: range.endLine,
    annotation_level: ANNOTATION_LEVEL[finding.severity],
    title: clip(annotationTitle(finding.ruleId, rule?.title), ANNOTATION_TITLE_LIMIT),
    message: clip(finding.message, ANNOTATION_TEXT_LIMIT),
  };
  // Only on single-line annotations: GitHub rejects the request when a multi-line one has columns.
  if (range.startColumn !== undefined && range.endColumn !== undefined) {
    annotation.start_column = range.startColumn;
    annotation.end_column = range.endColumn;
  }
  const details = [rule?.remediation, rule?.helpUri && `Docs: ${rule.helpUri}`].filter(Boolean).join('\n\n');
  if (details) annotation.raw_details = clip(details, ANNOTATION_TEXT_LIMIT);
  return annotation;
}

/** The default `output.text`: one Markdown list item per finding. */
export function findingsText(findings: readonly Finding[]): string {
  return findings
    .map((f) => `- **${f.severity}** \`${f.ruleId}\` ${f.file}:${f.line}: ${f.message.replace(/\s+/g, ' ')}`)
    .join('\n');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Plans a check run: annotation batches for unsuppressed findings, worst first, and its output texts. */
export function planCheckRun(
  findings: readonly Finding[],
  { rules, maxPerRequest = 50, summary, text }: CheckRunOptions,
): CheckRunPlan {
  if (!Number.isInteger(maxPerRequest) || maxPerRequest < 1) {
    throw new RangeError(`maxPerRequest must be a positive integer, got ${maxPerRequest}`);
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const ordered = reportable(findings);
  return {
    batches: chunk(
      ordered.map((finding) => checkAnnotation(finding, byId.get(finding.ruleId))),
      maxPerRequest,
    ),
    summary: truncateText(summary, CHECK_OUTPUT_LIMIT),
    text: truncateText(text ?? findingsText(ordered), CHECK_OUTPUT_LIMIT),
  };
}
