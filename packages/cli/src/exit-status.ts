import type { GatePolicy, Report, Severity } from '@shiftdown/policy-core';
import { gateFailures } from '@shiftdown/policy-core';
import { EXIT_OK, EXIT_POLICY_FAILURE } from './exit-codes.js';

export type FailOn = Severity | 'none';

export interface ExitPolicy extends GatePolicy {
  /** Inputs that could not be read: a finding may hide in them, so they fail the run. */
  unreadable: number;
}

export interface Verdict {
  code: typeof EXIT_OK | typeof EXIT_POLICY_FAILURE;
  /** Why the run failed, one reason per line (empty when it passed). */
  reasons: string[];
}

/** 0 when the report passes the gate (see `gateFailures`) and every input was read; else 1. */
export function verdict(report: Pick<Report, 'findings' | 'summary'>, policy: ExitPolicy): Verdict {
  const { unreadable, ...gate } = policy;
  const reasons = gateFailures(report, gate);
  if (unreadable > 0) reasons.push(`${unreadable} input${unreadable === 1 ? '' : 's'} could not be read`);
  return { code: reasons.length > 0 ? EXIT_POLICY_FAILURE : EXIT_OK, reasons };
}
