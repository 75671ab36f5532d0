import {
  PARSE_ERROR,
  atOrAbove,
  compareBySeverity,
  gateFailures,
  sortedFindings,
} from '@shiftdown/policy-core';
import type { Finding, GatePolicy, Report } from '@shiftdown/policy-core';
import type { FailOn } from './inputs.js';

/** Unsuppressed parse errors: nothing in such a file was checked, so they fail the step whatever `failOn` says. */
export function parseErrors(report: Pick<Report, 'findings'>): Finding[] {
  return report.findings.filter((f) => f.ruleId === PARSE_ERROR.id && !f.suppressed);
}

/**
 * Why the check fails, one reason per entry (empty when it passes): the core's gate on `failOn`,
 * `minScore` and `minGrade` (the same on every surface), then inputs that could not be parsed or read.
 */
export function gateReasons(
  report: Pick<Report, 'findings' | 'summary'>,
  policy: GatePolicy,
  unreadable: number,
): string[] {
  // Parse errors get their own reason below, whatever failOn says; they are not counted twice.
  const findings = report.findings.filter((f) => f.ruleId !== PARSE_ERROR.id);
  const reasons = gateFailures({ findings, summary: report.summary }, policy);
  const unparsed = new Set(parseErrors(report).map((f) => f.file)).size;
  if (unparsed > 0) reasons.push(`${unparsed} file${unparsed === 1 ? '' : 's'} could not be parsed`);
  if (unreadable > 0) reasons.push(`${unreadable} file${unreadable === 1 ? '' : 's'} could not be read`);
  return reasons;
}

/**
 * The findings a failure message lists: parse errors first, then the findings at or above `failOn` when
 * there are any, else (a score or grade gate failed) every unsuppressed finding that costs score; most
 * severe first, then by location.
 */
export function violations(report: Pick<Report, 'findings'>, failOn: FailOn): Finding[] {
  const unsuppressed = report.findings.filter((f) => !f.suppressed && f.ruleId !== PARSE_ERROR.id);
  const failing = failOn === 'none' ? [] : unsuppressed.filter((f) => atOrAbove(f.severity, failOn));
  const listed = failing.length > 0 ? failing : unsuppressed.filter((f) => f.severity !== 'info');
  return [...parseErrors(report), ...sortedFindings(listed, compareBySeverity)];
}
