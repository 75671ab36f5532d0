import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import {
  grantPermissions,
  isRbacObject,
  resolveGrant,
  roleRefOf,
  subjectNamespace,
  subjectsOf,
  summarizePermissions,
} from './permissions.js';
import {
  BINDING_KINDS,
  RBAC_TAGS,
  classifySubject,
  goodPractices,
  isPlatformOwned,
  objectLabel,
} from './common.js';

const GROUP_PREFIX = 'system:serviceaccounts:';

/** Bindings whose subject is every pod of a namespace (Part A row 30/44 context). */
export default defineRule({
  meta: {
    id: 'rbac-default-service-account-binding',
    title: 'Binding grants rights to every pod of a namespace',
    severity: 'medium',
    category: 'rbac',
    description:
      'A RoleBinding or ClusterRoleBinding subject is the `default` ServiceAccount of a namespace (its own ' +
      '`namespace`, else the RoleBinding\u2019s), or the Group `system:serviceaccounts:<namespace>` (every ' +
      'ServiceAccount of the namespace). Medium; high when the role (resolved from the scan or the built-in roles) ' +
      'has dangerous permissions (Secrets read, exec, pod creation, nodes/proxy, escalation verbs); critical when ' +
      'it is cluster-admin or equivalent. One finding per subject, at its name; this rule owns these subjects ' +
      '(cluster-admin-binding skips them). ServiceAccounts of kube-system and other platform namespaces are not ' +
      'exempt: a privileged default ServiceAccount there is a classic escalation path. Platform-owned bindings ' +
      '(`system:*`, `kubeadm:*`, `eks:*`, `gce:*`) are skipped.',
    rationale:
      'Every pod that does not set `serviceAccountName` runs as its namespace\u2019s `default` ServiceAccount, and ' +
      'gets its token unless automounting is disabled. Rights bound to it (or to all ServiceAccounts of the ' +
      'namespace) therefore go to every workload there, including third-party images, debug pods and anything an ' +
      'attacker who can create pods starts: one compromised container inherits them (MITRE ATT&CK T1528, Steal ' +
      'Application Access Token).',
    sources: [
      goodPractices({ anchor: 'least-privilege', title: 'least privilege' }),
      {
        title: 'Kubernetes: Configure Service Accounts for Pods (default ServiceAccount)',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
      },
      {
        title: 'Kubernetes RBAC: service account permissions',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#service-account-permissions',
      },
    ],
    remediation:
      'Create a dedicated ServiceAccount for the workload that needs the rights, bind the role to it, and set ' +
      '`serviceAccountName` on that workload only:\n\n' +
      '```yaml\nsubjects:\n  - kind: ServiceAccount\n    name: report-generator\n    namespace: shop\n```',
    tags: [...RBAC_TAGS, 'service-account'],
  },
  match: { kinds: BINDING_KINDS },
  crossResource: true,
  check({ resource, index, report }) {
    if (!isRbacObject(resource) || isPlatformOwned(resource.name)) return;
    const ref = roleRefOf(resource);
    if (!ref) return;
    const grant = resolveGrant(index, resource);
    const permissions = grant?.resolved ? grantPermissions(grant) : [];
    let severity: Severity = 'medium';
    if (permissions.includes('cluster-admin')) severity = 'critical';
    else if (permissions.length > 0) severity = 'high';
    const including = permissions.length > 0 ? `, including ${summarizePermissions(permissions, 4)}` : '';
    const role = `${ref.kind} "${ref.name}"`;
    for (const subject of subjectsOf(resource)) {
      if (classifySubject(subject) !== 'namespace-pods') continue;
      let message: string;
      if (subject.kind === 'ServiceAccount') {
        const namespace = subjectNamespace(subject, resource);
        const where = namespace ? `namespace "${namespace}"` : 'its namespace';
        message =
          `${objectLabel(resource)} grants ${role} to the default ServiceAccount of ${where}: every pod there ` +
          `without a serviceAccountName gets these rights${including}.`;
      } else {
        const namespace = subject.name.slice(GROUP_PREFIX.length);
        message =
          `${objectLabel(resource)} grants ${role} to Group "${subject.name}": every pod of namespace ` +
          `"${namespace}" gets these rights${including}.`;
      }
      report({ message, path: [...subject.path, 'name'], severity, key: `${subject.kind}/${subject.name}` });
    }
  },
});
