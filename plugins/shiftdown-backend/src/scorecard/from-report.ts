/** A policy-core `Report` (scanned here or pushed from CI) → the `Scorecard` the REST API serves. */
import type { Finding, Report, RuleSummary } from '@shiftdown/policy-core';
import { compareBySeverity, sortedFindings } from '@shiftdown/policy-core';
import type {
  ScanError,
  Scorecard,
  ScorecardFinding,
  ScorecardSource,
} from '@shiftdown/backstage-plugin-shiftdown-common';
import type { SourceLinker } from './source-links.js';

export interface ScorecardContext {
  entityRef: string;
  source: ScorecardSource;
  scannedAt: string;
  commitSha?: string;
  ref?: string;
  location?: string;
  linkSource: SourceLinker;
}

function toScorecardFinding(
  finding: Finding,
  rule: RuleSummary | undefined,
  linkSource: SourceLinker,
): ScorecardFinding {
  const sourceUrl = linkSource(finding.file, finding.line);
  return {
    ruleId: finding.ruleId,
    title: rule?.title ?? finding.ruleId,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    resource: { ...finding.resource },
    ...(finding.container !== undefined && { container: finding.container }),
    ...(finding.field !== undefined && { field: finding.field }),
    ...(rule && { remediation: rule.remediation, helpUri: rule.helpUri }),
    ...(sourceUrl !== undefined && { sourceUrl }),
    ...(finding.suppressed && {
      suppressed: {
        reason: finding.suppressed.reason,
        source: finding.suppressed.source,
        ...(finding.suppressed.expires !== undefined && { expires: finding.suppressed.expires }),
      },
    }),
    fingerprint: finding.fingerprint,
  };
}

export function scorecardFromReport(report: Report, context: ScorecardContext): Scorecard {
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  const findings: ScorecardFinding[] = [];
  const suppressed: ScorecardFinding[] = [];
  // Worst first, then by place in the files (a stable order for the UI).
  for (const finding of sortedFindings(report.findings, compareBySeverity)) {
    const converted = toScorecardFinding(finding, rules.get(finding.ruleId), context.linkSource);
    (finding.suppressed ? suppressed : findings).push(converted);
  }
  const errors: ScanError[] = report.files.flatMap((file) =>
    file.errors.map((error) => ({
      file: file.path,
      line: error.line,
      column: error.column,
      message: error.message,
    })),
  );
  const { summary } = report;
  return {
    entityRef: context.entityRef,
    score: summary.score,
    grade: summary.grade,
    maturity: {
      level: summary.maturity.level,
      name: summary.maturity.name,
      ...(summary.maturity.next && { next: [...summary.maturity.next] }),
    },
    ...(summary.cap !== undefined && { cap: summary.cap }),
    categories: summary.categories.map((category) => ({
      category: category.category,
      title: category.title,
      score: category.score,
      grade: category.grade,
      findings: category.findings,
    })),
    counts: { ...summary.counts },
    findings,
    suppressed,
    errors,
    files: summary.files,
    resources: summary.resources,
    source: context.source,
    scannedAt: context.scannedAt,
    ...(context.commitSha !== undefined && { commitSha: context.commitSha }),
    ...(context.ref !== undefined && { ref: context.ref }),
    ...(context.location !== undefined && { location: context.location }),
    profile: report.settings.profile,
    toolVersion: report.tool.version,
  };
}
