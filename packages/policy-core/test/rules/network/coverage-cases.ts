/** Shared table runner for the network policy coverage tests. */
import type { ResourceIndex } from '../../../src/model/resource-index.js';
import { indexOf as indexResources } from '../harness.js';
import type { Labels } from '../../../src/model/selector.js';
import {
  egressAllowsAddress,
  egressRestricted,
  egressToAddress,
  policiesSelectingPod,
  type EgressVerdict,
} from '../../../src/rules/network/coverage.js';

/** The resources of the policies text, indexed. */
export function indexOf(text: string): ResourceIndex {
  return indexResources(text, 'policies.yaml');
}

export interface CoverageCase {
  name: string;
  yaml: string;
  namespace?: string;
  labels: Labels;
  ingress: string[];
  egress: string[];
  /** Verdict for 169.254.169.254 on TCP 80 (IMDS). */
  imds: EgressVerdict;
  /** The exported any-port check for 169.254.169.254. */
  anyPort?: boolean;
  restricted: boolean;
  /** Extra addresses and their TCP/80 verdicts. */
  others?: Record<string, EgressVerdict>;
}

/** One Jest test per case: selection by direction, the IMDS verdict, the any-port check and egressRestricted. */
export function testCoverageCases(cases: readonly CoverageCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const index = indexOf(c.yaml);
    const coverage = policiesSelectingPod(index, c.namespace, c.labels);
    expect(coverage.ingress.map((p) => p.name)).toEqual(c.ingress);
    expect(coverage.egress.map((p) => p.name)).toEqual(c.egress);
    expect(egressToAddress(coverage.egress, '169.254.169.254', { number: 80, protocol: 'TCP' }).verdict).toBe(
      c.imds,
    );
    if (c.anyPort !== undefined)
      expect(egressAllowsAddress(coverage.egress, '169.254.169.254')).toBe(c.anyPort);
    expect(egressRestricted(index, c.namespace, c.labels)).toBe(c.restricted);
    for (const [address, verdict] of Object.entries(c.others ?? {})) {
      expect([
        address,
        egressToAddress(coverage.egress, address, { number: 80, protocol: 'TCP' }).verdict,
      ]).toEqual([address, verdict]);
    }
  });
}
