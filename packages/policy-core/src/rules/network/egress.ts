/**
 * Egress evaluation: does the set of policies selecting a pod let it reach an address (on a port)?
 *
 * Kubernetes NetworkPolicy semantics are exact: a pod is isolated for egress when at least one policy
 * with Egress in its policyTypes selects it; it may then reach what the UNION of those policies'
 * rules allows; a rule without `to` allows every destination; an `ipBlock` allows `cidr` minus
 * `except`; pod/namespace selectors select pods only (never an external address); `ports` restrict.
 *
 * Other engines are approximated: admin tiers (AdminNetworkPolicy, ClusterNetworkPolicy Admin) are
 * evaluated first-match by priority; explicit Cilium/Calico denies are assumed to win over every
 * allow (Calico's `order` is not modelled, which can only make the answer quieter); Cilium and
 * Calico allow rules add to the union; baseline tiers apply only to pods no policy isolates.
 * Anything the scan cannot read (templated CIDRs, named or templated ports, CIDR groups) makes the
 * answer `unknown`.
 */
import type { Resource } from '../../model/resource.js';
import { asArray, asObject, type JsonObject } from '../../model/values.js';
import { parseCidr, type Cidr } from './cidr.js';
import {
  ciliumRules,
  isolates,
  kubernetesPolicyTypes,
  policyDirections,
  policyEngine,
  specOf,
} from './policies.js';
import {
  adminAction,
  adminRuleMatches,
  calicoRuleMatches,
  ciliumRuleMatches,
  kubernetesEgressRuleMatches,
  type PortTarget,
  type RuleAction,
} from './rule-matchers.js';
import type { Tri } from './selectors.js';

export type { PortTarget } from './rule-matchers.js';
export { kubernetesEgressRuleMatches } from './rule-matchers.js';

export type EgressVerdict = 'allowed' | 'blocked' | 'unknown';

export interface EgressResult {
  verdict: EgressVerdict;
  /** The policies whose rules allow the traffic (empty when it is allowed because nothing isolates the pod). */
  allowedBy: Resource[];
  /** The policy whose rule denies it, when an explicit deny decided. */
  deniedBy?: Resource;
}

export interface EgressEntry {
  policy: Resource;
  action: RuleAction;
  /** True when the rule only opens DNS (every port it lists is 53). */
  dnsOnly: boolean;
  /** Whether the rule matches traffic to every address of `target` on `port`. */
  matches(target: Cidr, port: PortTarget | undefined, ignoreExcept?: boolean): Tri;
}

// --- Entries and verdict ----------------------------------------------------------------------------------------

type Matcher = EgressEntry['matches'];

const isDns = (port: unknown) => port === 53 || port === '53';

/** The port lists of a rule, per engine, for the DNS-only test. */
function rulePorts(engine: string, rule: JsonObject): unknown[] {
  switch (engine) {
    case 'kubernetes':
      return asArray(rule.ports).map((p) =>
        asObject(p)?.endPort === undefined ? asObject(p)?.port : undefined,
      );
    case 'cilium':
      return asArray(rule.toPorts).flatMap((tp) => {
        const ports = asArray(asObject(tp)?.ports);
        return ports.length === 0
          ? [undefined]
          : ports.map((p) => (asObject(p)?.endPort === undefined ? asObject(p)?.port : undefined));
      });
    case 'calico':
      return asArray(asObject(rule.destination)?.ports);
    default:
      return asArray(rule.ports).map((p) => asObject(asObject(p)?.portNumber)?.port);
  }
}

function entriesOf(
  policy: Resource,
  rules: unknown,
  action: (rule: JsonObject) => EgressEntry['action'] | undefined,
  matcher: (rule: JsonObject) => Matcher,
): EgressEntry[] {
  const engine = policyEngine(policy) ?? '';
  const entries: EgressEntry[] = [];
  for (const raw of asArray(rules)) {
    const rule = asObject(raw);
    const act = rule && action(rule);
    if (!rule || !act) continue;
    const ports = rulePorts(engine, rule);
    entries.push({
      policy,
      action: act,
      dnsOnly: ports.length > 0 && ports.every(isDns),
      matches: matcher(rule),
    });
  }
  return entries;
}

const entriesCache = new WeakMap<Resource, EgressEntry[]>();

/**
 * The egress rules of one policy, in evaluation order (denies first for Cilium). Cached: every workload
 * the policy selects asks again, from several rules.
 */
function egressEntries(policy: Resource): EgressEntry[] {
  let entries = entriesCache.get(policy);
  if (!entries) {
    entries = policyEgressEntries(policy);
    entriesCache.set(policy, entries);
  }
  return entries;
}

function policyEgressEntries(policy: Resource): EgressEntry[] {
  const spec = specOf(policy);
  switch (policyEngine(policy)) {
    case 'kubernetes':
      if (!kubernetesPolicyTypes(spec).has('egress')) return [];
      return entriesOf(
        policy,
        spec.egress,
        () => 'allow',
        (rule) => (t, p, i) => kubernetesEgressRuleMatches(rule, t, p, i),
      );
    case 'cilium':
      return ciliumRules(policy).flatMap((r) => [
        ...entriesOf(
          policy,
          r.egressDeny,
          () => 'deny',
          (rule) => (t, p) => ciliumRuleMatches(rule, t, p, false),
        ),
        ...entriesOf(
          policy,
          r.egress,
          () => 'allow',
          (rule) =>
            (t, p, i = false) =>
              ciliumRuleMatches(rule, t, p, i),
        ),
      ]);
    case 'calico':
      if (!policyDirections(policy).has('egress')) return [];
      return entriesOf(
        policy,
        spec.egress,
        (rule) => (rule.action === 'Allow' ? 'allow' : rule.action === 'Deny' ? 'deny' : undefined),
        (rule) =>
          (t, p, i = false) =>
            calicoRuleMatches(rule, t, p, i),
      );
    case 'admin':
    case 'baseline':
      return entriesOf(
        policy,
        spec.egress,
        (rule) => adminAction(rule.action),
        (rule) => (t, p) => adminRuleMatches(rule, t, p),
      );
    default:
      return [];
  }
}

function priorityOf(policy: Resource): number {
  const priority = specOf(policy).priority;
  return typeof priority === 'number' ? priority : Number.MAX_SAFE_INTEGER;
}

/** First-match evaluation of a tier (admin or baseline policies, by priority then name). */
function firstMatch(
  policies: Resource[],
  target: Cidr,
  port: PortTarget | undefined,
): EgressResult | 'pass' | undefined {
  const ordered = [...policies].sort(
    (a, b) => priorityOf(a) - priorityOf(b) || (a.name ?? '').localeCompare(b.name ?? ''),
  );
  for (const policy of ordered) {
    for (const entry of egressEntries(policy)) {
      const match = entry.matches(target, port);
      if (match === undefined) return { verdict: 'unknown', allowedBy: [] };
      if (!match) continue;
      if (entry.action === 'pass') return 'pass';
      return entry.action === 'allow'
        ? { verdict: 'allowed', allowedBy: [policy] }
        : { verdict: 'blocked', allowedBy: [], deniedBy: policy };
    }
  }
  return undefined;
}

/**
 * Whether the pod selected by `policies` (those that select it for egress; others are ignored) may
 * send traffic to every address of `target` on `port` (undefined: on some port).
 */
export function evaluateEgress(policies: readonly Resource[], target: Cidr, port?: PortTarget): EgressResult {
  const relevant = policies.filter((p) => policyDirections(p).has('egress'));
  const byEngine = (...engines: string[]) => relevant.filter((p) => engines.includes(policyEngine(p) ?? ''));

  const admin = firstMatch(byEngine('admin'), target, port);
  if (admin && admin !== 'pass') return admin;

  const pod = byEngine('kubernetes', 'cilium', 'calico');
  const entries = pod.flatMap(egressEntries);
  let unknownDeny = false;
  for (const entry of entries.filter((e) => e.action === 'deny')) {
    const match = entry.matches(target, port);
    if (match === true) return { verdict: 'blocked', allowedBy: [], deniedBy: entry.policy };
    if (match === undefined) unknownDeny = true;
  }
  const allowedBy = new Set<Resource>();
  let unknownAllow = false;
  for (const entry of entries.filter((e) => e.action === 'allow')) {
    const match = entry.matches(target, port);
    if (match === true) allowedBy.add(entry.policy);
    if (match === undefined) unknownAllow = true;
  }
  if (allowedBy.size > 0) return { verdict: unknownDeny ? 'unknown' : 'allowed', allowedBy: [...allowedBy] };
  if (pod.some((p) => isolates(p, 'egress')))
    return { verdict: unknownAllow || unknownDeny ? 'unknown' : 'blocked', allowedBy: [] };

  const baseline = firstMatch(byEngine('baseline'), target, port);
  if (baseline && baseline !== 'pass') return baseline;
  return { verdict: unknownDeny ? 'unknown' : 'allowed', allowedBy: [] };
}

/**
 * True when one of the policies' allow rules opens the whole IPv4 internet (`0.0.0.0/0`) on some port
 * other than DNS (53); excepts are ignored.
 */
export function opensWholeInternet(policies: readonly Resource[]): boolean {
  const everything = parseCidr('0.0.0.0/0')!;
  return policies
    .filter((p) => policyDirections(p).has('egress'))
    .flatMap(egressEntries)
    .some(
      (entry) =>
        entry.action === 'allow' && !entry.dnsOnly && entry.matches(everything, undefined, true) === true,
    );
}
