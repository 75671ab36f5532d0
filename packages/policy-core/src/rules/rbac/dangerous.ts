/**
 * The catalogue of dangerous RBAC permissions (Kubernetes "RBAC good practices", privilege escalation risks):
 * which rule entries grant them, as short labels.
 */
import type { Resource } from '../../model/resource.js';
import { RBAC_GROUP, allows, allowsSome, isFullWildcard, type PolicyRule } from './policy-rule.js';
import type { Grant } from './permissions.js';

const AUTHENTICATION_GROUP = 'authentication.k8s.io';
const CERTIFICATES_GROUP = 'certificates.k8s.io';

export type Concept =
  'cluster-admin' | 'secrets-read' | 'pod-exec' | 'create-pods' | 'nodes-proxy' | 'escalation';

/** One dangerous permission a rule entry grants. */
export interface DangerousMatch {
  /** Short label: `cluster-admin`, `secrets:list`, `pods/exec:create`, `impersonate`, `escalate`, … */
  label: string;
  concept: Concept;
  verb: string;
  /** Resource (with subresource) as the request names it; '' for cluster-admin. */
  resource: string;
  apiGroup: string;
  /** Only for objects listed in `resourceNames`. */
  named: boolean;
  /** A cluster-scoped resource: a Role, or a RoleBinding to a ClusterRole, cannot grant it. */
  clusterScoped: boolean;
}

interface Target {
  concept: Concept;
  apiGroup: string;
  resource: string;
  verbs: readonly string[];
  /** Count grants limited by resourceNames (for requests that name an object). */
  named?: boolean | ((names: readonly string[]) => boolean);
  clusterScoped?: boolean;
  /** Label for the whole target (otherwise `resource:verb`). */
  label?: string;
}

const WORKLOAD_CONTROLLERS: readonly [string, string][] = [
  ['', 'replicationcontrollers'],
  ['apps', 'deployments'],
  ['apps', 'replicasets'],
  ['apps', 'statefulsets'],
  ['apps', 'daemonsets'],
  ['extensions', 'deployments'],
  ['extensions', 'replicasets'],
  ['extensions', 'daemonsets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
];

/** Built-in roles whose `bind` lets a subject hand out more than it should. */
export const POWERFUL_ROLE_NAMES: readonly string[] = ['cluster-admin', 'admin', 'edit'];

/** Signers whose certificates authenticate to the API server (any user or group, or a node). */
const API_CLIENT_SIGNERS = [
  'kubernetes.io/kube-apiserver-client',
  'kubernetes.io/kube-apiserver-client-kubelet',
  'kubernetes.io/*',
];

const TARGETS: readonly Target[] = [
  { concept: 'secrets-read', apiGroup: '', resource: 'secrets', verbs: ['get', 'list', 'watch'] },
  ...['pods/exec', 'pods/attach', 'pods/portforward'].map((resource): Target => ({
    concept: 'pod-exec',
    apiGroup: '',
    resource,
    verbs: ['create', 'get'],
    named: true,
  })),
  {
    concept: 'pod-exec',
    apiGroup: '',
    resource: 'pods/ephemeralcontainers',
    verbs: ['update', 'patch'],
    named: true,
  },
  { concept: 'create-pods', apiGroup: '', resource: 'pods', verbs: ['create'] },
  { concept: 'create-pods', apiGroup: '', resource: 'pods', verbs: ['update', 'patch'], named: true },
  ...WORKLOAD_CONTROLLERS.flatMap(([apiGroup, resource]): Target[] => [
    { concept: 'create-pods', apiGroup, resource, verbs: ['create'] },
    { concept: 'create-pods', apiGroup, resource, verbs: ['update', 'patch'], named: true },
  ]),
  {
    concept: 'nodes-proxy',
    apiGroup: '',
    resource: 'nodes/proxy',
    verbs: ['get', 'create'],
    named: true,
    clusterScoped: true,
  },
  {
    concept: 'escalation',
    apiGroup: RBAC_GROUP,
    resource: 'roles',
    verbs: ['escalate'],
    named: true,
    label: 'escalate',
  },
  {
    concept: 'escalation',
    apiGroup: RBAC_GROUP,
    resource: 'clusterroles',
    verbs: ['escalate'],
    named: true,
    clusterScoped: true,
    label: 'escalate',
  },
  ...['roles', 'clusterroles'].map((resource): Target => ({
    concept: 'escalation',
    apiGroup: RBAC_GROUP,
    resource,
    verbs: ['bind'],
    named: (names) => names.some((n) => POWERFUL_ROLE_NAMES.includes(n)),
    label: 'bind',
  })),
  ...(
    [
      ['', 'users', true],
      ['', 'groups', true],
      ['', 'serviceaccounts', false],
      [AUTHENTICATION_GROUP, 'uids', true],
    ] as const
  ).map(([apiGroup, resource, clusterScoped]): Target => ({
    concept: 'escalation',
    apiGroup,
    resource,
    verbs: ['impersonate'],
    named: true,
    clusterScoped,
    label: 'impersonate',
  })),
  { concept: 'escalation', apiGroup: '', resource: 'serviceaccounts/token', verbs: ['create'], named: true },
];

function matchTarget(rule: PolicyRule, target: Target): DangerousMatch[] {
  const out: DangerousMatch[] = [];
  for (const verb of target.verbs) {
    let named = false;
    if (!allows(rule, verb, target.resource, target.apiGroup)) {
      if (!target.named || !allowsSome(rule, verb, target.resource, target.apiGroup)) continue;
      if (typeof target.named === 'function' && !target.named(rule.resourceNames)) continue;
      named = true;
    }
    out.push({
      label: target.label ?? `${target.resource}:${verb}`,
      concept: target.concept,
      verb,
      resource: target.resource,
      apiGroup: target.apiGroup,
      named,
      clusterScoped: target.clusterScoped ?? false,
    });
  }
  return out;
}

/** `impersonate` on `userextras/<key>` (authentication.k8s.io): the rule names each key it allows. */
function matchUserExtras(rule: PolicyRule): DangerousMatch[] {
  if (!rule.verbs.includes('*') && !rule.verbs.includes('impersonate')) return [];
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(AUTHENTICATION_GROUP)) return [];
  const resource = rule.resources.find((r) => r.startsWith('userextras/'));
  if (!resource) return [];
  return [
    {
      label: 'impersonate',
      concept: 'escalation',
      verb: 'impersonate',
      resource,
      apiGroup: AUTHENTICATION_GROUP,
      named: rule.resourceNames.length > 0,
      clusterScoped: true,
    },
  ];
}

/**
 * `approve` on an API-client signer, when the role (all its entries) can also update the approval of
 * CertificateSigningRequests: together they issue client certificates for any identity the signer accepts.
 */
function matchSignerApproval(rule: PolicyRule, all: readonly PolicyRule[]): DangerousMatch[] {
  if (!allowsSome(rule, 'approve', 'signers', CERTIFICATES_GROUP)) return [];
  const named = rule.resourceNames.length > 0;
  if (named && !rule.resourceNames.some((n) => API_CLIENT_SIGNERS.includes(n))) return [];
  const approval = all.some((r) =>
    ['update', 'patch'].some((verb) =>
      allowsSome(r, verb, 'certificatesigningrequests/approval', CERTIFICATES_GROUP),
    ),
  );
  if (!approval) return [];
  return [
    {
      label: 'signers:approve',
      concept: 'escalation',
      verb: 'approve',
      resource: 'signers',
      apiGroup: CERTIFICATES_GROUP,
      named,
      clusterScoped: true,
    },
  ];
}

/**
 * The dangerous permissions one rule entry grants. A full wildcard (`*` verbs, apiGroups and resources) gives
 * the single match `cluster-admin`, which subsumes the others. `all` is every entry of the same role (for
 * permissions that need two entries, such as CSR approval).
 */
export function dangerousMatches(rule: PolicyRule, all: readonly PolicyRule[] = [rule]): DangerousMatch[] {
  if (isFullWildcard(rule)) {
    return [
      {
        label: 'cluster-admin',
        concept: 'cluster-admin',
        verb: '*',
        resource: '',
        apiGroup: '*',
        named: false,
        clusterScoped: false,
      },
    ];
  }
  return [
    ...TARGETS.flatMap((target) => matchTarget(rule, target)),
    ...matchUserExtras(rule),
    ...matchSignerApproval(rule, all),
  ];
}

/**
 * The dangerous permissions of a set of rules, as short labels (e.g. "cluster-admin", "secrets:list",
 * "pods/exec:create", "impersonate"), deduplicated, in catalogue order. `cluster-admin` alone when a rule is a
 * full wildcard. With `namespaced`, permissions on cluster-scoped resources are dropped (what a RoleBinding
 * can actually grant).
 */
export function dangerousPermissions(
  rules: readonly PolicyRule[],
  options: { namespaced?: boolean } = {},
): string[] {
  const labels = new Set<string>();
  for (const rule of rules) {
    for (const match of dangerousMatches(rule, rules)) {
      if (options.namespaced && match.clusterScoped) continue;
      labels.add(match.label);
    }
  }
  return labels.has('cluster-admin') ? ['cluster-admin'] : [...labels];
}

const grantPermissionCache = new WeakMap<Resource, { rules: readonly PolicyRule[]; permissions: string[] }>();

/**
 * `dangerousPermissions` of what a binding grants (cluster-scoped permissions dropped for a RoleBinding),
 * computed once per resolved grant: the binding rules and the AI rules all ask.
 */
export function grantPermissions(grant: Pick<Grant, 'binding' | 'rules'>): string[] {
  const cached = grantPermissionCache.get(grant.binding);
  if (cached?.rules === grant.rules) return cached.permissions;
  const permissions = dangerousPermissions(grant.rules, { namespaced: grant.binding.kind === 'RoleBinding' });
  grantPermissionCache.set(grant.binding, { rules: grant.rules, permissions });
  return permissions;
}

/** `secrets (get, list), pods/exec (create), impersonate`: labels grouped by resource, for messages. */
export function summarizePermissions(labels: readonly string[], max = 6): string {
  const groups = new Map<string, string[]>();
  for (const label of labels) {
    const colon = label.lastIndexOf(':');
    const [resource, verb] = colon > 0 ? [label.slice(0, colon), label.slice(colon + 1)] : [label, ''];
    const verbs = groups.get(resource) ?? [];
    if (verb) verbs.push(verb);
    groups.set(resource, verbs);
  }
  const parts = [...groups].map(([resource, verbs]) =>
    verbs.length ? `${resource} (${verbs.join(', ')})` : resource,
  );
  if (parts.length <= max) return parts.join(', ');
  return `${parts.slice(0, max).join(', ')} and ${parts.length - max} more`;
}
