import { defineRule } from '../rule.js';
import { objectLabel } from '../../model/resource.js';
import { CHECKOV_KUBERNETES } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** Kinds that are cluster-scoped: a `namespace` on them is ignored by the API server. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'VolumeAttachment',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'APIService',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'GatewayClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'CertificateSigningRequest',
  'ClusterTrustBundle',
  'PodSecurityPolicy',
  'DeviceClass',
  'ResourceSlice',
  'IPAddress',
  'ServiceCIDR',
  'VolumeSnapshotClass',
  'ClusterIssuer',
  'ClusterSecretStore',
  'ClusterExternalSecret',
  'ClusterSPIFFEID',
  'ClusterQueue',
  'ResourceFlavor',
]);

/** Objects explicitly placed in the `default` namespace (Part A row 50). */
export default defineRule({
  meta: {
    id: 'default-namespace',
    title: 'Object in the default namespace',
    severity: 'low',
    category: 'multitenancy',
    description:
      'A namespaced object sets `metadata.namespace: default` explicitly. Objects without a namespace are not ' +
      'reported (the namespace is chosen at apply time, e.g. by `kubectl -n` or Kustomize), nor cluster-scoped ' +
      'kinds (Namespace, ClusterRole, StorageClass, CRDs, webhooks, …). Workloads placed in `kube-system` are not ' +
      'judged: a manifest scan cannot tell platform add-ons (CNI, CSI, DNS, cloud agents), which belong there, ' +
      'from application workloads.',
    rationale:
      'The `default` namespace is where everything lands by accident: it mixes unrelated applications, so ' +
      'RBAC, NetworkPolicy, ResourceQuota and Pod Security admission labels cannot be scoped to one team or ' +
      'trust level, and any Role granted there reaches all of them. Many clusters also leave `default` without ' +
      'Pod Security enforcement or default-deny NetworkPolicies.',
    sources: [
      {
        title: 'Kubernetes: Namespaces (the default namespace)',
        url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
      },
      {
        title: 'Kubernetes: Multi-tenancy',
        url: 'https://kubernetes.io/docs/concepts/security/multi-tenancy/',
      },
      KUBE_LINTER_CHECKS,
      CHECKOV_KUBERNETES,
    ],
    remediation:
      'Deploy into a dedicated namespace that carries its own RBAC, quotas, NetworkPolicies and Pod Security ' +
      'labels:\n\n' +
      '```yaml\nmetadata:\n  name: web\n  namespace: shop\n```',
    tags: ['multitenancy', 'namespaces'],
  },
  match: { any: true },
  check({ resource, report }) {
    if (resource.namespace !== 'default' || CLUSTER_SCOPED_KINDS.has(resource.kind)) return;
    report({
      message: `${objectLabel(resource)} is placed in the default namespace, which cannot be isolated per application.`,
      path: ['metadata', 'namespace'],
    });
  },
});
