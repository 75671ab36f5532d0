import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import {
  grantPermissions,
  isRbacObject,
  resolveGrant,
  roleRefOf,
  subjectsOf,
  summarizePermissions,
} from './permissions.js';
import {
  BINDING_KINDS,
  RBAC_DOC,
  RBAC_TAGS,
  SYSTEM_GROUP_CLASSES,
  classifySubject,
  goodPractices,
  isPlatformOwned,
  objectLabel,
  subjectLabel,
  type SubjectClass,
} from './common.js';

/** ClusterRoles the API server binds to these groups by default: they only expose discovery information. */
const DISCOVERY_ROLES = [
  'system:discovery',
  'system:basic-user',
  'system:public-info-viewer',
  'system:service-account-issuer-discovery',
];

const WHO: Readonly<Record<string, string>> = {
  unauthenticated: 'anyone who can reach the API server, without credentials',
  authenticated:
    'every authenticated user and every ServiceAccount token (on some managed clusters, any account of the identity provider)',
  'all-service-accounts': 'every ServiceAccount of the cluster, so every pod that mounts a token',
};

/** Bindings to system:anonymous, system:unauthenticated, system:authenticated, system:masters (Part A row 44). */
export default defineRule({
  meta: {
    id: 'rbac-system-group-binding',
    title: 'Binding to a broad system group',
    severity: 'critical',
    category: 'rbac',
    description:
      'A RoleBinding or ClusterRoleBinding subject is: User or Group `system:anonymous`, or Group ' +
      '`system:unauthenticated` (critical); Group `system:authenticated` or `system:serviceaccounts` (high; critical ' +
      'when the role, resolved from the scan or the built-in roles, has dangerous permissions such as cluster-admin, ' +
      'Secrets read, exec, pod creation or escalation verbs); Group `system:masters` (high). One finding per ' +
      'subject, at its name; this rule owns these subjects (cluster-admin-binding and the others skip them). Not ' +
      'reported: bindings of the discovery roles (`system:discovery`, `system:basic-user`, ' +
      '`system:public-info-viewer`, `system:service-account-issuer-discovery`), the default `cluster-admin` binding ' +
      'of `system:masters`, and platform-owned bindings (`system:*`, `kubeadm:*`, `eks:*`, `gce:*`) unless the role ' +
      'they grant is known to be dangerous.',
    rationale:
      '`system:anonymous`/`system:unauthenticated` is every unauthenticated request: a binding opens the API to the ' +
      'network. `system:authenticated` includes every ServiceAccount token and, on managed clusters whose identity ' +
      'provider accepts any account (GKE with Google accounts), strangers on the internet. `system:serviceaccounts` ' +
      'hands the role to every pod. Members of `system:masters` bypass RBAC and webhook authorization entirely; ' +
      'their access cannot be revoked by deleting bindings, only by rotating the cluster CA, so it should never be ' +
      'part of an access design (MITRE ATT&CK T1078.001, Valid Accounts: Default Accounts).',
    sources: [
      goodPractices({ anchor: 'least-privilege', title: 'least privilege' }),
      {
        title: 'Kubernetes RBAC: default roles and role bindings',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings',
      },
      {
        title: 'GKE: best practices for RBAC (avoid default and broad bindings)',
        url: 'https://cloud.google.com/kubernetes-engine/docs/best-practices/rbac#detect-prevent-default',
      },
      {
        title: 'Kyverno policy: Restrict Binding System Groups',
        url: 'https://kyverno.io/policies/other/restrict-binding-system-groups/restrict-binding-system-groups',
      },
      RBAC_DOC,
    ],
    remediation:
      'Bind the role to the specific users, groups or ServiceAccounts that need it:\n\n' +
      '```yaml\nsubjects:\n  - kind: Group\n    name: platform-team\n    apiGroup: rbac.authorization.k8s.io\n```',
    tags: [...RBAC_TAGS, 'anonymous-access'],
  },
  match: { kinds: BINDING_KINDS },
  crossResource: true,
  check({ resource, index, report }) {
    if (!isRbacObject(resource)) return;
    const ref = roleRefOf(resource);
    if (!ref) return;
    const discovery = ref.kind === 'ClusterRole' && DISCOVERY_ROLES.includes(ref.name);
    const defaultMasters =
      resource.name === 'cluster-admin' && ref.kind === 'ClusterRole' && ref.name === 'cluster-admin';
    const grant = resolveGrant(index, resource);
    const permissions = grant?.resolved ? grantPermissions(grant) : [];
    const dangerous = permissions.length > 0;
    if (isPlatformOwned(resource.name) && !dangerous) return;
    const roleText = `${ref.kind} "${ref.name}"`;
    const granted = dangerous ? `${roleText} (${summarizePermissions(permissions, 4)})` : roleText;
    for (const subject of subjectsOf(resource)) {
      const kind: SubjectClass = classifySubject(subject);
      if (!SYSTEM_GROUP_CLASSES.includes(kind)) continue;
      const who = subjectLabel(subject, resource);
      let severity: Severity;
      let message: string;
      if (kind === 'masters') {
        if (defaultMasters) continue;
        severity = 'high';
        message =
          `${objectLabel(resource)} names ${who}: members of system:masters bypass RBAC and cannot be revoked by ` +
          'removing bindings, so credentials in that group are permanent cluster-admin keys.';
      } else {
        if (discovery) continue;
        severity = kind === 'unauthenticated' || dangerous ? 'critical' : 'high';
        message = `${objectLabel(resource)} grants ${granted} to ${who}: that is ${WHO[kind]}.`;
      }
      report({ message, path: [...subject.path, 'name'], severity, key: `${subject.kind}/${subject.name}` });
    }
  },
});
