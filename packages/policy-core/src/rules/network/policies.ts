/**
 * The network policy engines Shiftdown understands, and which pods and directions each policy
 * governs:
 * - Kubernetes `NetworkPolicy` (networking.k8s.io/v1): exact semantics.
 * - Cilium `CiliumNetworkPolicy` / `CiliumClusterwideNetworkPolicy` (cilium.io/v2): `endpointSelector`
 *   with `k8s:`/`any:` key prefixes and the `io.kubernetes.pod.namespace` label.
 * - Calico `NetworkPolicy` / `GlobalNetworkPolicy` (projectcalico.org/v3, crd.projectcalico.org/v1):
 *   the `&&` subset of the selector language (see matchCalicoSelector), `types` defaults.
 * - `AdminNetworkPolicy` / `BaselineAdminNetworkPolicy` (policy.networking.k8s.io/v1alpha1) and
 *   `ClusterNetworkPolicy` (v1alpha2, `tier: Admin|Baseline`): `spec.subject`.
 * Approximation: a Cilium policy with several rules (`specs`) is judged as a whole, not rule by rule.
 */
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import type { Labels } from '../../model/selector.js';
import { asArray, asObject, asString, type JsonObject } from '../../model/values.js';
import { apiGroup } from '../../model/workload.js';
import {
  anyOf,
  lookupIn,
  matchCalicoSelector,
  matchSelector,
  namespaceLookup,
  selectsEverything,
  type LabelLookup,
  type Tri,
} from './selectors.js';

export type Engine = 'kubernetes' | 'cilium' | 'calico' | 'admin' | 'baseline';
export type Direction = 'ingress' | 'egress';

/** Kinds that may hold a network policy (the API group decides; see policyEngine). */
export const POLICY_KINDS: readonly string[] = [
  'NetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'GlobalNetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
];

const CALICO_GROUPS = new Set(['projectcalico.org', 'crd.projectcalico.org']);
const POLICY_API_GROUP = 'policy.networking.k8s.io';

/** The engine a resource belongs to, or undefined when it is not a network policy we understand. */
export function policyEngine(resource: Resource): Engine | undefined {
  const group = apiGroup(resource.apiVersion);
  switch (resource.kind) {
    case 'NetworkPolicy':
      if (group === 'networking.k8s.io' || group === 'extensions') return 'kubernetes';
      return CALICO_GROUPS.has(group) ? 'calico' : undefined;
    case 'GlobalNetworkPolicy':
      return CALICO_GROUPS.has(group) ? 'calico' : undefined;
    case 'CiliumNetworkPolicy':
    case 'CiliumClusterwideNetworkPolicy':
      return group === 'cilium.io' ? 'cilium' : undefined;
    case 'AdminNetworkPolicy':
      return group === POLICY_API_GROUP ? 'admin' : undefined;
    case 'BaselineAdminNetworkPolicy':
      return group === POLICY_API_GROUP ? 'baseline' : undefined;
    case 'ClusterNetworkPolicy':
      if (group !== POLICY_API_GROUP) return undefined;
      return asString(specOf(resource).tier) === 'Baseline' ? 'baseline' : 'admin';
    default:
      return undefined;
  }
}

/** True for the Kubernetes NetworkPolicy kind (not Calico's namesake). */
export function isKubernetesNetworkPolicy(resource: Resource): boolean {
  return resource.kind === 'NetworkPolicy' && policyEngine(resource) === 'kubernetes';
}

export function specOf(resource: Resource): JsonObject {
  return asObject(resource.object.spec) ?? {};
}

function nonEmpty(value: unknown): boolean {
  return asArray(value).length > 0;
}

/**
 * The effective `policyTypes` of a Kubernetes NetworkPolicy: as written when the list is non-empty,
 * else Ingress, plus Egress when `spec.egress` has rules (the API server's defaulting).
 */
export function kubernetesPolicyTypes(spec: JsonObject): Set<Direction> {
  const written = asArray(spec.policyTypes);
  if (written.length > 0) {
    const types = new Set<Direction>();
    if (written.includes('Ingress')) types.add('ingress');
    if (written.includes('Egress')) types.add('egress');
    return types;
  }
  return new Set<Direction>(nonEmpty(spec.egress) ? ['ingress', 'egress'] : ['ingress']);
}

/** Cilium keeps one rule in `spec` or several in `specs`. */
export function ciliumRules(resource: Resource): JsonObject[] {
  const rules: JsonObject[] = [];
  for (const raw of asArray(resource.object.specs)) {
    const rule = asObject(raw);
    if (rule) rules.push(rule);
  }
  const spec = asObject(resource.object.spec);
  return spec ? [spec, ...rules] : rules;
}

function ciliumGoverns(rule: JsonObject, direction: Direction): boolean {
  return direction === 'ingress'
    ? nonEmpty(rule.ingress) || nonEmpty(rule.ingressDeny)
    : nonEmpty(rule.egress) || nonEmpty(rule.egressDeny);
}

function calicoTypes(spec: JsonObject): Set<Direction> {
  const written = asArray(spec.types);
  if (written.length > 0) {
    const types = new Set<Direction>();
    if (written.includes('Ingress')) types.add('ingress');
    if (written.includes('Egress')) types.add('egress');
    return types;
  }
  // Calico's default: Ingress, unless there are only egress rules; both when both are present.
  const ingress = nonEmpty(spec.ingress);
  const egress = nonEmpty(spec.egress);
  if (egress && !ingress) return new Set(['egress']);
  return new Set<Direction>(egress ? ['ingress', 'egress'] : ['ingress']);
}

/** The directions a policy has a say in (rules or isolation). */
export function policyDirections(resource: Resource): Set<Direction> {
  const spec = specOf(resource);
  switch (policyEngine(resource)) {
    case 'kubernetes':
      return kubernetesPolicyTypes(spec);
    case 'calico':
      return calicoTypes(spec);
    case 'cilium': {
      const rules = ciliumRules(resource);
      const dirs = new Set<Direction>();
      for (const d of ['ingress', 'egress'] as const) if (rules.some((r) => ciliumGoverns(r, d))) dirs.add(d);
      return dirs;
    }
    case 'admin':
    case 'baseline': {
      const dirs = new Set<Direction>();
      if (nonEmpty(spec.ingress)) dirs.add('ingress');
      if (nonEmpty(spec.egress)) dirs.add('egress');
      return dirs;
    }
    default:
      return new Set();
  }
}

/**
 * True when the policy puts the pods it selects in default-deny for `direction` (Kubernetes, Calico,
 * Cilium unless `enableDefaultDeny` turns it off). Admin policies never isolate: traffic they do not
 * match falls through to the next tier.
 */
export function isolates(resource: Resource, direction: Direction): boolean {
  const engine = policyEngine(resource);
  if (engine === 'kubernetes' || engine === 'calico') return policyDirections(resource).has(direction);
  if (engine === 'cilium') {
    return ciliumRules(resource).some(
      (rule) => ciliumGoverns(rule, direction) && asObject(rule.enableDefaultDeny)?.[direction] !== false,
    );
  }
  return false;
}

// --- Which pods a policy selects ---------------------------------------------------------------------

function sameNamespace(resource: Resource, namespace: string | undefined): boolean {
  return (resource.namespace ?? '') === (namespace ?? '');
}

function ciliumLookup(index: ResourceIndex, namespace: string | undefined, labels: Labels): LabelLookup {
  const pod = lookupIn(labels);
  const ns = namespaceLookup(index, namespace);
  return (key) => {
    if (key.startsWith('reserved:')) return null;
    const bare = key.replace(/^(k8s|any):/, '');
    if (bare.includes(':')) return undefined;
    if (bare === 'io.kubernetes.pod.namespace') return namespace ?? undefined;
    if (bare.startsWith('io.cilium.k8s.namespace.labels.'))
      return ns(bare.slice('io.cilium.k8s.namespace.labels.'.length));
    if (bare.startsWith('io.cilium.') || bare.startsWith('io.kubernetes.')) return undefined;
    return pod(bare);
  };
}

function calicoLookup(index: ResourceIndex, namespace: string | undefined, labels: Labels): LabelLookup {
  const pod = lookupIn(labels);
  const ns = namespaceLookup(index, namespace);
  return (key) => {
    if (key === 'projectcalico.org/namespace') return namespace ?? undefined;
    if (key === 'projectcalico.org/orchestrator') return 'k8s';
    if (key.startsWith('pcns.')) return ns(key.slice('pcns.'.length));
    if (key.startsWith('projectcalico.org/')) return undefined;
    return pod(key);
  };
}

function calicoNamespaceLookup(index: ResourceIndex, namespace: string | undefined): LabelLookup {
  const ns = namespaceLookup(index, namespace);
  return (key) => (key === 'projectcalico.org/name' ? (namespace ?? undefined) : ns(key));
}

function adminSubjectSelects(subject: JsonObject | undefined, ns: LabelLookup, pod: LabelLookup): Tri {
  if (!subject) return false;
  if (subject.namespaces !== undefined) return matchSelector(subject.namespaces, ns);
  const pods = asObject(subject.pods);
  if (!pods) return false;
  const namespaces = matchSelector(pods.namespaceSelector ?? {}, ns);
  const selected = matchSelector(pods.podSelector ?? {}, pod);
  return namespaces === false || selected === false ? false : namespaces && selected;
}

/**
 * Whether a policy selects the pods with these labels in this namespace. Resources without a
 * namespace are in the namespace the manifests are applied to: they match each other.
 */
export function policySelectsPod(
  resource: Resource,
  namespace: string | undefined,
  labels: Labels,
  index: ResourceIndex,
): Tri {
  const spec = specOf(resource);
  switch (policyEngine(resource)) {
    case 'kubernetes':
      if (!sameNamespace(resource, namespace)) return false;
      return matchSelector(spec.podSelector ?? {}, lookupIn(labels));
    case 'cilium': {
      if (resource.kind === 'CiliumNetworkPolicy' && !sameNamespace(resource, namespace)) return false;
      const lookup = ciliumLookup(index, namespace, labels);
      const strip = (k: string) => k.replace(/^(k8s|any):/, '');
      return anyOf(
        ciliumRules(resource).map((rule) =>
          rule.endpointSelector === undefined ? false : matchSelector(rule.endpointSelector, lookup, strip),
        ),
      );
    }
    case 'calico': {
      if (resource.kind === 'NetworkPolicy' && !sameNamespace(resource, namespace)) return false;
      const selected = matchCalicoSelector(spec.selector, calicoLookup(index, namespace, labels));
      if (selected === false) return false;
      const serviceAccounts = spec.serviceAccountSelector === undefined ? true : undefined;
      const namespaces =
        resource.kind === 'GlobalNetworkPolicy' && spec.namespaceSelector !== undefined
          ? matchCalicoSelector(spec.namespaceSelector, calicoNamespaceLookup(index, namespace))
          : true;
      if (namespaces === false) return false;
      return selected === true && namespaces === true && serviceAccounts === true ? true : undefined;
    }
    case 'admin':
    case 'baseline':
      return adminSubjectSelects(asObject(spec.subject), namespaceLookup(index, namespace), lookupIn(labels));
    default:
      return false;
  }
}

/** True when the policy selects every pod of the cluster (or of its namespace, for namespaced kinds). */
export function selectsAllPods(resource: Resource): boolean {
  const spec = specOf(resource);
  switch (policyEngine(resource)) {
    case 'kubernetes':
      return (
        spec.podSelector === undefined || spec.podSelector === null || selectsEverything(spec.podSelector)
      );
    case 'cilium':
      return ciliumRules(resource).every((rule) => selectsEverything(rule.endpointSelector));
    case 'calico':
      return (
        matchCalicoSelector(spec.selector, () => undefined) === true &&
        spec.serviceAccountSelector === undefined &&
        (spec.namespaceSelector === undefined ||
          matchCalicoSelector(spec.namespaceSelector, () => undefined) === true)
      );
    case 'admin':
    case 'baseline': {
      const subject = asObject(spec.subject);
      if (subject?.namespaces !== undefined) return selectsEverything(subject.namespaces);
      const pods = asObject(subject?.pods);
      return (
        pods !== undefined &&
        selectsEverything(pods.namespaceSelector ?? {}) &&
        selectsEverything(pods.podSelector ?? {})
      );
    }
    default:
      return false;
  }
}
