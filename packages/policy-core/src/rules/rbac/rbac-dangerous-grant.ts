import { defineRule } from '../rule.js';
import {
  grantPermissions,
  isRbacObject,
  resolveGrant,
  subjectsOf,
  summarizePermissions,
} from './permissions.js';
import {
  BINDING_KINDS,
  RBAC_DOC,
  RBAC_TAGS,
  classifySubject,
  goodPractices,
  isPlatformOwned,
  listText,
  objectLabel,
  serviceAccountNamespace,
  subjectLabel,
} from './common.js';

/** Who gets a dangerous scanned role (the "who" side of the role-level rules; strict only). */
export default defineRule({
  meta: {
    id: 'rbac-dangerous-grant',
    title: 'Binding hands a dangerous role to a ServiceAccount or group',
    severity: 'medium',
    category: 'rbac',
    description:
      'A RoleBinding or ClusterRoleBinding grants a Role or ClusterRole from the scan whose rules include dangerous ' +
      'permissions (cluster-admin equivalent, Secrets read, exec/attach/port-forward/ephemeral containers, pod ' +
      'creation, nodes/proxy, escalate/bind/impersonate, token creation, CSR approval) to a ServiceAccount or a ' +
      'Group. For a RoleBinding, permissions on cluster-scoped resources are ignored (it cannot grant them). One ' +
      'finding per binding, at `roleRef.name`, naming the subjects and the permissions. The permissions themselves ' +
      'are reported on the role (rbac-wildcard, rbac-secrets-read, \u2026), so this rule is not in the recommended ' +
      'profile: enable it (or `strict`) to see who holds them. Built-in roles (cluster-admin-binding, ' +
      'rbac-builtin-role-binding), unresolved roles, subjects owned by other rules (broad system groups, default ' +
      'ServiceAccounts), `system:` components and platform-owned bindings are left out. Aggregated ClusterRoles ' +
      'count the scanned ClusterRoles they select.',
    rationale:
      'A dangerous permission matters through whoever holds it. A ServiceAccount with it puts the permission in ' +
      'every pod that runs as that account, where a compromised process or a leaked token can use it; a group ' +
      'hands it to every member. Knowing who holds each dangerous role is how an RBAC review starts (MITRE ATT&CK ' +
      'T1078, Valid Accounts).',
    sources: [
      goodPractices({ anchor: 'privilege-escalation-risks', title: 'privilege escalation risks' }),
      RBAC_DOC,
    ],
    remediation:
      'Split the role: give the subject a role with only what it needs, and keep the dangerous permissions in a ' +
      'separate role bound to the few identities that need them:\n\n' +
      '```yaml\nkind: RoleBinding\nmetadata:\n  name: toolbox-logs\n  namespace: shop\nroleRef:\n' +
      '  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: pod-log-reader\nsubjects:\n' +
      '  - kind: ServiceAccount\n    name: toolbox\n    namespace: shop\n```',
    recommended: false,
    tags: [...RBAC_TAGS],
  },
  match: { kinds: BINDING_KINDS },
  crossResource: true,
  check({ resource, index, report }) {
    if (!isRbacObject(resource) || isPlatformOwned(resource.name)) return;
    const grant = resolveGrant(index, resource);
    if (!grant || grant.builtin || !grant.resolved) return;
    const permissions = grantPermissions(grant);
    if (permissions.length === 0) return;
    const who = subjectsOf(resource)
      .filter((s) => classifySubject(s) === 'named')
      .filter(
        (s) => s.kind === 'Group' || s.kind === 'ServiceAccount' || serviceAccountNamespace(s, resource),
      )
      .map((s) => subjectLabel(s, resource));
    if (who.length === 0) return;
    const partial = grant.partial ? ' (at least: it is aggregated)' : '';
    report({
      message:
        `${objectLabel(resource)} gives ${listText(who)} the ${grant.roleKind} "${grant.roleName}", which allows ` +
        `${summarizePermissions(permissions)}${partial}.`,
      path: ['roleRef', 'name'],
    });
  },
});
