import { defineRule } from '../rule.js';
import { SERVICE_ACCOUNTS_SOURCE, serviceAccountOf } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** ID-001: the pod shares the namespace's `default` ServiceAccount. */
export default defineRule({
  meta: {
    id: 'default-service-account',
    title: 'Pod uses the default ServiceAccount',
    severity: 'low',
    category: 'identity',
    description:
      "The pod runs as the namespace's `default` ServiceAccount: `serviceAccountName` is unset, empty or `default`, " +
      'and the deprecated `serviceAccount` alias does not name another account (`serviceAccountName` wins when both ' +
      'are set). Templated names are not judged. Whether the token is mounted is a separate rule ' +
      '(`service-account-token-automount`).',
    rationale:
      'Every pod of a namespace that names no ServiceAccount shares `default`. Any RBAC permission granted to it (a ' +
      'common shortcut when "the app needs to read a ConfigMap") is silently granted to every other workload in the ' +
      'namespace, and identities derived from the ServiceAccount cannot tell the workloads apart: SPIFFE IDs ' +
      '(`spiffe://<td>/ns/<ns>/sa/<sa>`), EKS IRSA/Pod Identity, Azure Workload Identity and GKE Workload Identity ' +
      'all map cloud permissions per ServiceAccount, so one compromised pod obtains the identity of all of them. CIS ' +
      'Kubernetes Benchmark 5.1.5 asks that default service accounts are not actively used.',
    sources: [
      SERVICE_ACCOUNTS_SOURCE,
      {
        title: 'Kubernetes: Role Based Access Control Good Practices',
        url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      },
      KUBE_LINTER_CHECKS,
    ],
    remediation:
      'Create a dedicated ServiceAccount per workload (without a token unless it calls the API) and reference it:\n\n' +
      '```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n' +
      '---\n# in the pod template\nspec:\n  serviceAccountName: web\n```',
    tags: ['workload-identity', 'service-accounts'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const account = serviceAccountOf(workload);
    if (!account.known || account.name !== 'default') return;
    const how = account.field ? `${account.field}: default` : 'serviceAccountName is not set';
    report({
      message:
        `The pod runs as the namespace's "default" ServiceAccount (${how}), which every pod without its own account ` +
        'shares: permissions granted to it and identities derived from it (SPIFFE IDs, cloud workload identity) ' +
        'apply to all of them.',
      path: account.path,
    });
  },
});
