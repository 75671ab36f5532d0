import type { Report, Severity } from './types.js';
import { atOrAbove } from './severity.js';
import { meetsGrade, type MinimumGrade } from './score/grade.js';

export interface GatePolicy {
  /** Fail on an unsuppressed finding at or above this severity (`none`: never). */
  failOn: Severity | 'none';
  /** Fail when the score is below this. */
  minScore?: number;
  /** Fail when the grade does not meet this (see `meetsGrade`). */
  minGrade?: MinimumGrade;
}

/**
 * Whether a report passes a merge gate: the reasons it fails, one per line (empty when it passes).
 * Every surface (CLI exit code, Action check conclusion, scaffolder action) gates the same way.
 */
export function gateFailures(report: Pick<Report, 'findings' | 'summary'>, policy: GatePolicy): string[] {
  const reasons: string[] = [];
  const { failOn, minScore, minGrade } = policy;
  if (failOn !== 'none') {
    const failing = report.findings.filter((f) => !f.suppressed && atOrAbove(f.severity, failOn)).length;
    if (failing > 0) reasons.push(`${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn}`);
  }
  if (minScore !== undefined && report.summary.score < minScore) {
    reasons.push(`score ${report.summary.score} is below the minimum ${minScore}`);
  }
  if (minGrade !== undefined && !meetsGrade(report.summary.grade, minGrade)) {
    reasons.push(`grade ${report.summary.grade} is below the minimum ${minGrade}`);
  }
  return reasons;
}
