/**
 * Network policy coverage of pods, for the network rules and for other rule groups (e.g. "is this
 * agent's egress restricted?"). See policies.ts for the engines understood and egress.ts for the
 * evaluation semantics and their approximations.
 */
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import type { Labels } from '../../model/selector.js';
import { parseCidr, type Cidr } from './cidr.js';
import { evaluateEgress, opensWholeInternet, type EgressResult, type PortTarget } from './egress.js';
import { POLICY_KINDS, isolates, policyDirections, policyEngine, policySelectsPod } from './policies.js';

export type { EgressResult, EgressVerdict, PortTarget } from './egress.js';

export interface PolicyCoverage {
  /** Policies that select the pod and have a say in its ingress (rules or isolation). */
  ingress: Resource[];
  /** Policies that select the pod and have a say in its egress. */
  egress: Resource[];
}

/**
 * The network policies of the scan that select pods with `podLabels` in `namespace` (undefined: the
 * namespace the manifests are applied to), by direction. Kubernetes NetworkPolicies, Cilium, Calico
 * and admin network policies count. A policy whose selection cannot be decided statically (templated
 * values, labels of a Namespace that is not in the scan, Calico selector syntax beyond `&&` terms)
 * counts as selecting, so that "no policy" findings stay quiet.
 */
export function policiesSelectingPod(
  index: ResourceIndex,
  namespace: string | undefined,
  podLabels: Labels,
): PolicyCoverage {
  const coverage: PolicyCoverage = { ingress: [], egress: [] };
  for (const kind of POLICY_KINDS) {
    for (const policy of index.ofKind(kind)) {
      if (!policyEngine(policy)) continue;
      if (policySelectsPod(policy, namespace, podLabels, index) === false) continue;
      const directions = policyDirections(policy);
      if (directions.has('ingress')) coverage.ingress.push(policy);
      if (directions.has('egress')) coverage.egress.push(policy);
    }
  }
  return coverage;
}

/** Whether any of the policies isolates the pod for egress (default-deny; admin tiers do not). */
export function isolatesEgress(policies: readonly Resource[]): boolean {
  return policies.some((p) => isolates(p, 'egress'));
}

/**
 * The union of the given egress policies applied to traffic to an address (IPv4 or IPv6 text) on a
 * port (undefined: on some port). `unknown` when templated or unparseable values decide.
 */
export function egressToAddress(
  policies: readonly Resource[],
  address: string,
  port?: PortTarget,
): EgressResult {
  const target: Cidr | undefined = parseCidr(address);
  if (!target) return { verdict: 'unknown', allowedBy: [] };
  return evaluateEgress(policies, target, port);
}

/**
 * Whether the union of the given egress policies allows traffic to an address on any port. Unknown
 * answers (templated CIDRs, named ports, …) count as not allowed.
 */
export function egressAllowsAddress(policies: readonly Resource[], address: string): boolean {
  return egressToAddress(policies, address).verdict === 'allowed';
}

/**
 * True when the pod's egress is restricted: at least one policy isolates it for egress and no rule
 * of the policies selecting it allows the whole IPv4 internet (`0.0.0.0/0`, a rule without `to`,
 * Cilium's `world` entity, …; an `except` does not count as a restriction, and rules limited to port 53
 * (DNS) do not count as opening the internet).
 */
export function egressRestricted(
  index: ResourceIndex,
  namespace: string | undefined,
  podLabels: Labels,
): boolean {
  const { egress } = policiesSelectingPod(index, namespace, podLabels);
  return isolatesEgress(egress) && !opensWholeInternet(egress);
}
