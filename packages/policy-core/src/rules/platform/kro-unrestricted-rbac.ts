import { objectLabel, type Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { labelsOf } from '../../model/selector.js';
import { defineRule } from '../rule.js';
import {
  isFullWildcard,
  isRbacObject,
  policyRulesOf,
  resolveGrant,
  roleRefOf,
  subjectNamespace,
  subjectsOf,
  type Subject,
} from '../rbac/permissions.js';
import { KRO_ACCESS_CONTROL, KRO_TAGS } from './common.js';

/** The label that aggregates a ClusterRole into the kro controller role (Helm `rbac.mode: aggregation`). */
export const KRO_AGGREGATE_LABEL = 'rbac.kro.run/aggregate-to-controller';

/** Namespaces the kro docs install the controller into. */
const KRO_NAMESPACES = new Set(['kro', 'kro-system']);

/** The Helm chart names the ServiceAccount after the release: `kro`, or `<release>-kro`. */
const KRO_SERVICE_ACCOUNT = /^([a-z0-9][a-z0-9.-]*-)?kro(-controller(-manager)?)?$/;

function labelledKro(resource: Resource | undefined): boolean {
  if (!resource) return false;
  const labels = labelsOf(resource.metadata);
  return labels['app.kubernetes.io/part-of'] === 'kro' || labels['app.kubernetes.io/name'] === 'kro';
}

/** Whether a binding subject is the kro controller's ServiceAccount. */
function isKroController(subject: Subject, binding: Resource, index: ResourceIndex): boolean {
  if (subject.kind !== 'ServiceAccount') return false;
  const namespace = subjectNamespace(subject, binding);
  if (labelledKro(binding) || labelledKro(index.find('ServiceAccount', namespace, subject.name))) return true;
  return KRO_SERVICE_ACCOUNT.test(subject.name) && namespace !== undefined && KRO_NAMESPACES.has(namespace);
}

const CLUSTER_EFFECT =
  'anyone who can create a ResourceGraphDefinition (or an instance of an RGD that passes user input into its ' +
  'templates) can make kro create any object in the cluster, which is effectively cluster-admin.';

function namespaceEffect(namespace: string | undefined): string {
  return (
    'anyone who can create a ResourceGraphDefinition can make kro create any object in namespace ' +
    `"${namespace ?? '(unset)'}", including its RoleBindings and Secrets.`
  );
}

/** The kro controller bound to unrestricted permissions (IDP-009). */
export default defineRule({
  meta: {
    id: 'kro-unrestricted-rbac',
    title: 'Kro controller has unrestricted RBAC',
    severity: 'high',
    category: 'rbac',
    description:
      'A ClusterRoleBinding or RoleBinding binds the kro controller\u2019s ServiceAccount to `cluster-admin` or to ' +
      'a role of the scan with a rule of `*` verbs on `*` resources in `*` API groups (what the kro Helm chart ' +
      'creates with its default `rbac.mode: unrestricted`); medium for a RoleBinding, which limits it to one ' +
      'namespace. The controller\u2019s ServiceAccount is recognised by ' +
      'the kro labels (`app.kubernetes.io/part-of: kro` or `app.kubernetes.io/name: kro`) on the binding or the ' +
      'ServiceAccount, or by its name (`kro`, `<release>-kro`, `kro-controller-manager`) in the namespace `kro` or ' +
      '`kro-system`. Also reported: a ClusterRole labelled `rbac.kro.run/aggregate-to-controller: "true"` with such ' +
      'a full wildcard rule (it is aggregated into the controller role in `aggregation` mode). Helm values files ' +
      'are not Kubernetes objects: scan the rendered chart (`helm template`). One finding per binding or role.',
    rationale:
      'kro creates whatever objects the RGD templates describe, with its own permissions. The kro documentation ' +
      'warns that in the unrestricted mode "anyone with access to create ResourceGraphDefinition resources, ' +
      'effectively also has admin access to the cluster": an RGD can template a ClusterRoleBinding to ' +
      'cluster-admin, a privileged pod or a Secret read. The aggregation mode grants kro only what platform teams ' +
      'add, resource type by resource type (MITRE ATT&CK T1078, Valid Accounts; T1098, Account Manipulation).',
    sources: [
      KRO_ACCESS_CONTROL,
      {
        title: 'Kubernetes RBAC good practices: least privilege',
        url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      },
    ],
    remediation:
      'Install kro with `--set rbac.mode=aggregation`, then grant the controller only the resource types your ' +
      'RGDs create, through aggregated ClusterRoles:\n\n' +
      '```yaml\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: kro:controller:webapps\n' +
      '  labels:\n    rbac.kro.run/aggregate-to-controller: "true"\nrules:\n  - apiGroups: ["apps"]\n' +
      '    resources: ["deployments"]\n    verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]\n' +
      '  - apiGroups: [""]\n    resources: ["services"]\n    verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]\n```',
    tags: [...KRO_TAGS, 'rbac'],
  },
  match: { kinds: ['ClusterRoleBinding', 'RoleBinding', 'ClusterRole'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (!isRbacObject(resource)) return;
    if (resource.kind === 'ClusterRole') {
      if (labelsOf(resource.metadata)[KRO_AGGREGATE_LABEL] !== 'true') return;
      const wildcard = policyRulesOf(resource).find(isFullWildcard);
      if (!wildcard) return;
      report({
        message:
          `ClusterRole "${resource.name ?? '(unnamed)'}" is aggregated into the kro controller role and allows every ` +
          `verb on every resource: ${CLUSTER_EFFECT}`,
        path: wildcard.path,
      });
      return;
    }
    const subject = subjectsOf(resource).find((s) => isKroController(s, resource, index));
    if (!subject) return;
    const ref = roleRefOf(resource);
    const grant = resolveGrant(index, resource);
    if (!ref || !grant) return;
    // Only the role's own rules: wildcards aggregated from labelled ClusterRoles are reported on those roles.
    const own = grant.rules.some(
      (rule) => isFullWildcard(rule) && (rule.source === undefined || rule.source === grant.role),
    );
    if (ref.name !== 'cluster-admin' && !own) return;
    const what =
      ref.name === 'cluster-admin'
        ? 'cluster-admin'
        : `${ref.kind} "${ref.name}", which allows every verb on every resource`;
    const clusterWide = resource.kind === 'ClusterRoleBinding';
    report({
      message:
        `${objectLabel(resource)} binds the kro controller ServiceAccount ` +
        `"${subjectNamespace(subject, resource) ?? ''}/${subject.name}" to ${what}: ` +
        (clusterWide ? CLUSTER_EFFECT : namespaceEffect(resource.namespace)),
      ...(!clusterWide && { severity: 'medium' as const }),
      path: ['roleRef', 'name'],
    });
  },
});
