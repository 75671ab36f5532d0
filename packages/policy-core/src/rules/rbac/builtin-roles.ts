/**
 * The user-facing default ClusterRoles of the API server, modelled from the bootstrap policy
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go). admin, edit and view are aggregated: their
 * effective rules are the system:aggregate-to-* rules below, plus any ClusterRole labelled for aggregation
 * (added by resolveGrant from the scan). `system:*` roles are not modelled: bindings to them are unresolved.
 */
import type { PolicyRule } from './policy-rule.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];

function builtin(verbs: string[], apiGroups: string[], resources: string[]): PolicyRule {
  return { apiGroups, resources, verbs, resourceNames: [], nonResourceURLs: [], path: [] };
}

const AGGREGATE_TO_VIEW: PolicyRule[] = [
  builtin(
    READ,
    [''],
    [
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'configmaps',
    ],
  ),
  builtin(
    READ,
    [''],
    [
      'limitranges',
      'resourcequotas',
      'bindings',
      'events',
      'pods/status',
      'resourcequotas/status',
      'namespaces/status',
      'replicationcontrollers/status',
      'pods/log',
    ],
  ),
  builtin(READ, [''], ['namespaces']),
  builtin(
    READ,
    ['apps'],
    [
      'controllerrevisions',
      'statefulsets',
      'statefulsets/status',
      'statefulsets/scale',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/status',
      'deployments/scale',
      'replicasets',
      'replicasets/status',
      'replicasets/scale',
    ],
  ),
  builtin(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  builtin(READ, ['batch'], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
  builtin(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  builtin(READ, ['networking.k8s.io'], ['networkpolicies', 'ingresses', 'ingresses/status']),
];

const AGGREGATE_TO_EDIT: PolicyRule[] = [
  builtin(
    READ,
    [''],
    ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy'],
  ),
  builtin(['impersonate'], [''], ['serviceaccounts']),
  builtin(WRITE, [''], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
  builtin(['create'], [''], ['pods/eviction']),
  builtin(
    WRITE,
    [''],
    [
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/proxy',
      'persistentvolumeclaims',
      'configmaps',
      'secrets',
      'events',
    ],
  ),
  builtin(['create'], [''], ['serviceaccounts/token']),
  builtin(
    WRITE,
    ['apps'],
    [
      'statefulsets',
      'statefulsets/scale',
      'daemonsets',
      'deployments',
      'deployments/scale',
      'deployments/rollback',
      'replicasets',
      'replicasets/scale',
    ],
  ),
  builtin(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
  builtin(WRITE, ['batch'], ['jobs', 'cronjobs']),
  builtin(WRITE, ['policy'], ['poddisruptionbudgets']),
  builtin(WRITE, ['networking.k8s.io'], ['networkpolicies', 'ingresses']),
];

const AGGREGATE_TO_ADMIN: PolicyRule[] = [
  builtin(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']),
  builtin([...READ, ...WRITE], [RBAC_GROUP], ['roles', 'rolebindings']),
];

const AGGREGATE_LABEL = (role: string) => ({
  matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${role}`]: 'true' },
});

export interface BuiltinRole {
  rules: PolicyRule[];
  /** Label selectors of the ClusterRoles aggregated into it (transitively through edit and view). */
  aggregates: unknown[];
}

/** cluster-admin, admin, edit and view by name. */
export const BUILTIN_CLUSTER_ROLES: Readonly<Record<string, BuiltinRole>> = {
  'cluster-admin': {
    rules: [
      builtin(['*'], ['*'], ['*']),
      { apiGroups: [], resources: [], verbs: ['*'], resourceNames: [], nonResourceURLs: ['*'], path: [] },
    ],
    aggregates: [],
  },
  admin: {
    rules: [...AGGREGATE_TO_ADMIN, ...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_VIEW],
    aggregates: [AGGREGATE_LABEL('admin'), AGGREGATE_LABEL('edit'), AGGREGATE_LABEL('view')],
  },
  edit: {
    rules: [...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_VIEW],
    aggregates: [AGGREGATE_LABEL('edit'), AGGREGATE_LABEL('view')],
  },
  view: { rules: [...AGGREGATE_TO_VIEW], aggregates: [AGGREGATE_LABEL('view')] },
};
