import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { SOURCES, podLabels, objectLabel, runsPods, usesHostNetwork } from './common.js';
import { policiesSelectingPod } from './coverage.js';

const GAPS = {
  ingress: 'any pod in the cluster (and anything routed to the pod network) can connect to them',
  egress:
    'they can connect anywhere: other namespaces, the Kubernetes API, the cloud metadata service and the internet',
} as const;

/** RULES.md Part A row 38: pod covered by a NetworkPolicy, per direction. */
export default defineRule({
  meta: {
    id: 'network-policy-missing',
    title: 'Pods not selected by any network policy',
    severity: 'medium',
    category: 'network',
    description:
      "The workload's pods (matched by their template labels, in the workload's namespace) are selected by no " +
      'network policy for ingress, or by none for egress: one finding per missing direction, on the pod template ' +
      'metadata. A Kubernetes NetworkPolicy covers a direction when its `podSelector` matches and the direction is ' +
      'in its effective `policyTypes` (Ingress always, Egress when `policyTypes` says so or, if it is unset, when ' +
      '`spec.egress` has rules). CiliumNetworkPolicy/CiliumClusterwideNetworkPolicy (`endpointSelector`), Calico ' +
      'NetworkPolicy/GlobalNetworkPolicy (`selector`, `&&` terms) and AdminNetworkPolicy/BaselineAdminNetworkPolicy ' +
      '/ClusterNetworkPolicy (`subject`) count as coverage too; a selector the scan cannot decide (templated values, ' +
      'labels of a Namespace outside the scan) counts as selecting. Objects without a namespace match policies ' +
      'without a namespace. Not reported for hostNetwork pods (network policies do not apply to them) nor for ' +
      'PodTemplate objects; in system namespaces (kube-system, …) the findings are informational.',
    rationale:
      'Kubernetes allows all traffic to and from a pod until a policy selects it. Without an ingress policy any ' +
      'compromised pod can reach the workload directly (lateral movement); without an egress ' +
      'policy a compromised workload can scan the cluster, call the API server, steal node credentials from the ' +
      'cloud metadata service (T1552.005) and exfiltrate data to the internet.',
    sources: [
      SOURCES.networkPolicies,
      SOURCES.kubescapeC0260,
      {
        title: 'kube-score checks (pod-networkpolicy)',
        url: 'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
      },
    ],
    remediation:
      'Add a default-deny policy per namespace, then allow the traffic each workload needs (here: DNS and the ' +
      "workload's own peers):\n\n" +
      '```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n' +
      '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n' +
      'metadata:\n  name: web\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress, Egress]\n' +
      '  ingress:\n    - from:\n        - podSelector:\n            matchLabels: {app: frontend}\n      ports:\n' +
      '        - port: 8080\n  egress:\n    - to:\n        - namespaceSelector: {}\n          podSelector:\n' +
      '            matchLabels: {k8s-app: kube-dns}\n      ports:\n        - {port: 53, protocol: UDP}\n' +
      '        - {port: 53, protocol: TCP}\n```',
    tags: ['network-policy', 'network'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, workload, index, settings, report }) {
    if (!runsPods(resource) || usesHostNetwork(workload)) return;
    const coverage = policiesSelectingPod(index, resource.namespace, podLabels(workload));
    const system = isSystemNamespace(resource.namespace, settings);
    for (const direction of ['ingress', 'egress'] as const) {
      if (coverage[direction].length > 0) continue;
      report({
        message:
          `The pods of ${objectLabel(resource)} are selected by no ${direction} network policy, so ` +
          `${GAPS[direction]}.`,
        path: workload.podMetadataPath,
        key: direction,
        ...(system && { severity: 'info' as const }),
      });
    }
  },
});
