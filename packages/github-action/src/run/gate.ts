import { gateFailures } from '@shiftdown/policy-core';
import type { Finding, Report } from '@shiftdown/policy-core';
import type { ActionInputs } from '../types.js';

export interface GateDecision {
  /** Whether the job fails (never with soft-fail). */
  failed: boolean;
  /** Why the gate did not pass, one per entry (reported even with soft-fail). */
  reasons: string[];
}

/**
 * The merge gate: `fail-on`, `min-score` and `min-grade` as every surface applies them (the core's
 * gateFailures; `min-grade B` accepts B+, B and B-, `A+` must be met exactly, `E` accepts all but F).
 * With a baseline, pass its new findings: only they count for `fail-on`.
 */
export function decideGate(
  report: Pick<Report, 'findings' | 'summary'>,
  inputs: Pick<ActionInputs, 'failOn' | 'minScore' | 'minGrade' | 'softFail'>,
  newFindings?: readonly Finding[],
): GateDecision {
  const reasons = gateFailures(
    { findings: newFindings ? [...newFindings] : report.findings, summary: report.summary },
    {
      failOn: inputs.failOn,
      ...(inputs.minScore !== undefined && { minScore: inputs.minScore }),
      ...(inputs.minGrade !== undefined && { minGrade: inputs.minGrade }),
    },
  );
  if (newFindings && reasons.length > 0 && inputs.failOn !== 'none') {
    reasons[0] = reasons[0]!.replace(/^(\d+) (findings?)/, '$1 new $2');
  }
  return { failed: reasons.length > 0 && !inputs.softFail, reasons };
}
