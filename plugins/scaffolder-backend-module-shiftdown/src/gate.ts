import { SEVERITY_RANK, atOrAbove, gateFailures } from '@shiftdown/policy-core';
import type { Finding, LetterGrade, Report } from '@shiftdown/policy-core';
import type { FailOn } from './inputs.js';
import { LETTER_GRADES } from './inputs.js';

export interface CheckPolicy {
  failOn: FailOn;
  minScore?: number;
  minGrade?: LetterGrade;
}

/** The rule of the core's file-level finding for a file that is not valid YAML/JSON. */
export const PARSE_ERROR_RULE = 'parse-error';

/**
 * Whether a grade meets a minimum. A bare letter accepts its whole family (`B` accepts B+, B and B-, as
 * the GitHub Action's `min-grade` does); a grade with a sign, `A+` and `F` must be met exactly or bettered.
 */
export function meetsGrade(grade: LetterGrade, minimum: LetterGrade): boolean {
  const rank = (g: string): number => LETTER_GRADES.indexOf(g as LetterGrade);
  const worstAccepted = rank(`${minimum}-`) >= 0 ? `${minimum}-` : minimum;
  return rank(grade) <= rank(worstAccepted);
}

/** Unsuppressed parse errors: nothing in such a file was checked, so they fail the step whatever `failOn` says. */
export function parseErrors(report: Pick<Report, 'findings'>): Finding[] {
  return report.findings.filter((f) => f.ruleId === PARSE_ERROR_RULE && !f.suppressed);
}

/**
 * Why the check fails, one reason per entry (empty when it passes): the core's `failOn`/`minScore` gate
 * (the same on every surface), `minGrade`, and inputs that could not be read or parsed.
 */
export function gateReasons(
  report: Pick<Report, 'findings' | 'summary'>,
  policy: CheckPolicy,
  unreadable: number,
): string[] {
  // Parse errors get their own reason below, whatever failOn says; they are not counted twice.
  const findings = report.findings.filter((f) => f.ruleId !== PARSE_ERROR_RULE);
  const reasons = gateFailures(
    { findings, summary: report.summary },
    {
      failOn: policy.failOn,
      ...(policy.minScore !== undefined && { minScore: policy.minScore }),
    },
  );
  if (policy.minGrade !== undefined && !meetsGrade(report.summary.grade, policy.minGrade)) {
    reasons.push(`grade ${report.summary.grade} is below the minimum ${policy.minGrade}`);
  }
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
  const unsuppressed = report.findings.filter((f) => !f.suppressed && f.ruleId !== PARSE_ERROR_RULE);
  const failing = failOn === 'none' ? [] : unsuppressed.filter((f) => atOrAbove(f.severity, failOn));
  const listed = failing.length > 0 ? failing : unsuppressed.filter((f) => f.severity !== 'info');
  // Array.prototype.sort is stable: the report's location order is kept within a severity.
  const bySeverity = [...listed].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return [...parseErrors(report), ...bySeverity];
}
