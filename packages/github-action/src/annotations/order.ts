import type { Finding, Severity } from '@shiftdown/policy-core';

/**
 * Severity order, worst first. Kept local (not the core's SEVERITY_RANK) so these planners stay
 * type-only importers of the core.
 */
const RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Plain code-unit comparison: locale-independent, so the order is the same on every runner. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Worst severity first, then file, line, column and rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId)
  );
}

/** The findings a reporter shows: unsuppressed only, in report order. Does not modify its input. */
export function reportable(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.suppressed).sort(compareFindings);
}

/** `<ruleId>: <rule title>` when the title is known, else the rule id. */
export function annotationTitle(ruleId: string, title: string | undefined): string {
  return title ? `${ruleId}: ${title}` : ruleId;
}
