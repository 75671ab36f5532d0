import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { isRbacObject, roleRefOf, subjectsOf } from './permissions.js';
import {
  BINDING_KINDS,
  RBAC_TAGS,
  USER_FACING_ROLES,
  classifySubject,
  goodPractices,
  isPlatformOwned,
  isPlatformServiceAccount,
  lower,
  objectLabel,
  subjectLabel,
} from './common.js';

/** Bindings to cluster-admin (Part A row 40; API-011). */
export default defineRule({
  meta: {
    id: 'cluster-admin-binding',
    title: 'Binding grants cluster-admin',
    severity: 'critical',
    category: 'rbac',
    description:
      'A ClusterRoleBinding (critical) or RoleBinding (high: cluster-admin limited to the binding\u2019s namespace) ' +
      'references the ClusterRole `cluster-admin` for a named User, Group or ServiceAccount. One finding per ' +
      'subject, at its name. ServiceAccounts of platform namespaces (kube-system, operator namespaces, ' +
      '`systemNamespaces` in the config) are one step lower. Not reported here: `system:masters` (it bypasses RBAC ' +
      'anyway; the default `cluster-admin` binding), kubeadm\u2019s `kubeadm:cluster-admins` group and other ' +
      '`system:` users and groups of control-plane components; bindings named `system:*`, `kubeadm:*`, `eks:*` or ' +
      '`gce:*` (platform-owned); broad groups such as `system:authenticated` (rbac-system-group-binding, critical ' +
      'for cluster-admin) and default ServiceAccounts (rbac-default-service-account-binding). Roles from the scan ' +
      'that are cluster-admin equivalent (`*` everywhere) are reported on the role by rbac-wildcard.',
    rationale:
      'cluster-admin can do anything: read every Secret, run privileged pods on every node, rewrite RBAC and ' +
      'admission. A workload ServiceAccount with it turns any compromise of that workload (a vulnerable ' +
      'dependency, an SSRF reading the token) into full cluster takeover; Helm 2\u2019s Tiller bound to ' +
      'cluster-admin in kube-system was the classic case. Even a RoleBinding to cluster-admin gives full control ' +
      'of the namespace, including its Secrets and RBAC (MITRE ATT&CK T1078, Valid Accounts).',
    sources: [
      USER_FACING_ROLES,
      goodPractices({ anchor: 'least-privilege', title: 'least privilege' }),
      {
        title: 'GKE: best practices for RBAC (avoid default and broad bindings)',
        url: 'https://cloud.google.com/kubernetes-engine/docs/best-practices/rbac#detect-prevent-default',
      },
    ],
    remediation:
      'Bind a role with the permissions the subject needs, in the namespaces it needs them, instead of ' +
      'cluster-admin:\n\n' +
      '```yaml\nkind: RoleBinding\nmetadata:\n  name: deployer\n  namespace: shop\nroleRef:\n' +
      '  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: deployer\nsubjects:\n' +
      '  - kind: ServiceAccount\n    name: deployer\n    namespace: shop\n```',
    tags: [...RBAC_TAGS, 'cluster-admin'],
  },
  match: { kinds: BINDING_KINDS },
  check({ resource, report, settings }) {
    if (!isRbacObject(resource) || isPlatformOwned(resource.name)) return;
    const ref = roleRefOf(resource);
    if (ref?.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') return;
    const clusterWide = resource.kind === 'ClusterRoleBinding';
    for (const subject of subjectsOf(resource)) {
      if (classifySubject(subject) !== 'named') continue;
      let severity: Severity = clusterWide ? 'critical' : 'high';
      const platform = isPlatformServiceAccount(subject, resource, settings);
      if (platform) severity = lower(severity);
      const who = subjectLabel(subject, resource);
      const effect = clusterWide
        ? 'it can do anything in the cluster, including reading every Secret and rewriting RBAC'
        : `it has full control of namespace "${resource.namespace ?? '(unset)'}", including its Secrets, pods and RBAC`;
      report({
        message:
          `${objectLabel(resource)} grants cluster-admin to ${who}: ${effect}` +
          (platform ? ' (a platform namespace\u2019s ServiceAccount: confirm the component needs it).' : '.'),
        path: [...subject.path, 'name'],
        severity,
        key: `${subject.kind}/${subject.namespace ?? ''}/${subject.name}`,
      });
    }
  },
});
