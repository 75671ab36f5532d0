import type { Report, Severity } from './types.js';
import { atOrAbove } from './severity.js';

export interface GatePolicy {
  /** Fail on an unsuppressed finding at or above this severity (`none`: never). */
  failOn: Severity | 'none';
  /** Fail when the score is below this. */
  minScore?: number;
}

/**
 * Whether a report passes a merge gate: the reasons it fails, one per line (empty when it passes).
 * Every surface (CLI exit code, Action check conclusion, scaffolder action) gates the same way.
 */
export function gateFailures(report: Pick<Report, 'findings' | 'summary'>, policy: GatePolicy): string[] {
  const reasons: string[] = [];
  const { failOn, minScore } = policy;
  if (failOn !== 'none') {
    const failing = report.findings.filter((f) => !f.suppressed && atOrAbove(f.severity, failOn)).length;
    if (failing > 0) reasons.push(`${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn}`);
  }
  if (minScore !== undefined && report.summary.score < minScore) {
    reasons.push(`score ${report.summary.score} is below the minimum ${minScore}`);
  }
  return reasons;
}
