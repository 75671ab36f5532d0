import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { aggregationSelectors, findClusterRole, isRbacObject, roleRefOf, subjectsOf } from './permissions.js';
import {
  BINDING_KINDS,
  RBAC_TAGS,
  USER_FACING_ROLES,
  classifySubject,
  goodPractices,
  isPlatformOwned,
  isPlatformServiceAccount,
  listText,
  lower,
  maxSeverity,
  objectLabel,
  serviceAccountNamespace,
  subjectLabel,
} from './common.js';

const POWERS: Readonly<Record<string, string>> = {
  edit: 'read every Secret, exec into and create pods, impersonate ServiceAccounts and mint their tokens',
  admin:
    'read every Secret, exec into and create pods, impersonate ServiceAccounts, mint their tokens and manage Roles and RoleBindings',
};

/** Bindings to the built-in admin and edit ClusterRoles (Part A rows 40/41/43). */
export default defineRule({
  meta: {
    id: 'rbac-builtin-role-binding',
    title: 'Binding grants the built-in admin or edit role',
    severity: 'high',
    category: 'rbac',
    description:
      'A binding references the built-in ClusterRole `admin` or `edit` (not redefined by a non-aggregated ' +
      'ClusterRole of the same name in the scan). ClusterRoleBinding: high, for any named subject, since it grants ' +
      'the role in every namespace. RoleBinding: medium, only for ServiceAccount subjects (binding `edit`/`admin` ' +
      'to people in their team\u2019s namespace is the documented use; giving it to a workload is not). One finding ' +
      'per binding, at `roleRef.name`, listing the subjects; ServiceAccounts of platform namespaces are one step ' +
      'lower. Subjects owned by other rules are left out (broad system groups: rbac-system-group-binding; default ' +
      'ServiceAccounts: rbac-default-service-account-binding), as are `system:` components and platform-owned ' +
      'bindings (`system:*`, `kubeadm:*`, `eks:*`, `gce:*`). `view` is not reported: it excludes Secrets, exec ' +
      'and writes. These permissions are reported here because the role is not in the scan; for scanned roles ' +
      'they are reported on the role (rbac-secrets-read, rbac-pod-exec, \u2026).',
    rationale:
      '`edit` and `admin` look like routine namespace roles but include reading every Secret of the namespace, ' +
      'exec and attach into pods, creating pods as any ServiceAccount, impersonating ServiceAccounts and creating ' +
      'their tokens; `admin` also manages Roles and RoleBindings. Their holders can therefore take the rights of ' +
      'every ServiceAccount of the namespace, and with a ClusterRoleBinding of every namespace, kube-system ' +
      'included (MITRE ATT&CK T1078, Valid Accounts).',
    sources: [
      USER_FACING_ROLES,
      goodPractices({ anchor: 'privilege-escalation-risks', title: 'privilege escalation risks' }),
    ],
    remediation:
      'Bind a custom Role with the verbs and resources the subject needs, in its own namespace:\n\n' +
      '```yaml\nkind: Role\nmetadata:\n  name: app-deployer\n  namespace: shop\nrules:\n' +
      '  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch", "patch"]\n```',
    tags: [...RBAC_TAGS],
  },
  match: { kinds: BINDING_KINDS },
  crossResource: true,
  check({ resource, index, settings, report }) {
    if (!isRbacObject(resource) || isPlatformOwned(resource.name)) return;
    const ref = roleRefOf(resource);
    if (ref?.kind !== 'ClusterRole' || !Object.hasOwn(POWERS, ref.name)) return;
    const scanned = findClusterRole(index, ref.name);
    if (scanned && !aggregationSelectors(scanned)) return;
    const clusterWide = resource.kind === 'ClusterRoleBinding';
    const who: string[] = [];
    let severity: Severity | undefined;
    for (const subject of subjectsOf(resource)) {
      if (classifySubject(subject) !== 'named') continue;
      const serviceAccount =
        subject.kind === 'ServiceAccount' || serviceAccountNamespace(subject, resource) !== undefined;
      if (!clusterWide && !serviceAccount) continue;
      let own: Severity = clusterWide ? 'high' : 'medium';
      if (isPlatformServiceAccount(subject, resource, settings)) own = lower(own);
      severity = severity ? maxSeverity(severity, own) : own;
      who.push(subjectLabel(subject, resource));
    }
    if (!severity) return;
    const scope = clusterWide ? 'in every namespace' : `in namespace "${resource.namespace ?? '(unset)'}"`;
    report({
      message:
        `${objectLabel(resource)} grants the built-in ClusterRole "${ref.name}" ${scope} to ${listText(who)}: ` +
        `the role lets them ${POWERS[ref.name]}.`,
      path: ['roleRef', 'name'],
      severity,
    });
  },
});
