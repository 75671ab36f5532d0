import type { Report, Severity } from '@shiftdown/policy-core';
import { gateFailures } from '@shiftdown/policy-core';
import { EXIT_OK, EXIT_POLICY_FAILURE } from './exit-codes.js';

export type FailOn = Severity | 'none';

export interface ExitPolicy {
  failOn: FailOn;
  minScore?: number;
  /** Inputs that could not be read: a finding may hide in them, so they fail the run. */
  unreadable: number;
}

export interface Verdict {
  code: typeof EXIT_OK | typeof EXIT_POLICY_FAILURE;
  /** Why the run failed, one reason per line (empty when it passed). */
  reasons: string[];
}

/** 0 when nothing unsuppressed is at or above `failOn`, the score is at least `minScore` and every input was read; else 1. */
export function verdict(report: Pick<Report, 'findings' | 'summary'>, policy: ExitPolicy): Verdict {
  const reasons = gateFailures(report, {
    failOn: policy.failOn,
    ...(policy.minScore !== undefined && { minScore: policy.minScore }),
  });
  if (policy.unreadable > 0) {
    reasons.push(`${policy.unreadable} input${policy.unreadable === 1 ? '' : 's'} could not be read`);
  }
  return { code: reasons.length > 0 ? EXIT_POLICY_FAILURE : EXIT_OK, reasons };
}
