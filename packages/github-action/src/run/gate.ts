import { gateFailures } from '@shiftdown/policy-core';
import type { Finding, LetterGrade, Report } from '@shiftdown/policy-core';
import type { ActionInputs, Grade } from '../types.js';
import { GRADES } from './inputs.js';

export interface GateDecision {
  /** Whether the job fails (never with soft-fail). */
  failed: boolean;
  /** Why the gate did not pass, one per entry (reported even with soft-fail). */
  reasons: string[];
}

// Letter rank, best first: the order of GRADES. The core's grades carry +/-; `min-grade B` accepts B+, B
// and B- but A+ must be met exactly. The core never gives an E: it sits between D and F for users of that
// scale.
const RANKS: readonly string[] = GRADES;

function gradeRank(grade: LetterGrade | Grade): number {
  const exact = RANKS.indexOf(grade);
  return exact >= 0 ? exact : RANKS.indexOf(grade.charAt(0));
}

/**
 * The merge gate: `fail-on` and `min-score` as every surface applies them (the core's gateFailures),
 * plus `min-grade`. With a baseline, pass its new findings: only they count for `fail-on`.
 */
export function decideGate(
  report: Pick<Report, 'findings' | 'summary'>,
  inputs: Pick<ActionInputs, 'failOn' | 'minScore' | 'minGrade' | 'softFail'>,
  newFindings?: readonly Finding[],
): GateDecision {
  const reasons = gateFailures(
    { findings: newFindings ? [...newFindings] : report.findings, summary: report.summary },
    { failOn: inputs.failOn, ...(inputs.minScore !== undefined && { minScore: inputs.minScore }) },
  );
  if (newFindings && reasons.length > 0 && inputs.failOn !== 'none') {
    reasons[0] = reasons[0]!.replace(/^(\d+) (findings?)/, '$1 new $2');
  }
  if (inputs.minGrade !== undefined && gradeRank(report.summary.grade) > gradeRank(inputs.minGrade)) {
    reasons.push(`grade ${report.summary.grade} is below the minimum ${inputs.minGrade}`);
  }
  return { failed: reasons.length > 0 && !inputs.softFail, reasons };
}
