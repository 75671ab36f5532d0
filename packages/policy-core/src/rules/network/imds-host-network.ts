import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { SOURCES, imdsName, nodeCredentials, type Cloud } from './common.js';

/** Why a host-network pod keeps metadata access on each cloud. */
function bypass(cloud: Cloud): string {
  switch (cloud) {
    case 'aws':
      return 'network policies do not apply to it and an IMDSv2 hop limit of 1 does not stop requests that start on the node';
    case 'azure':
      return 'network policies do not apply to it and the AKS IMDS restriction exempts host-network pods';
    case 'gcp':
      return "network policies do not apply to it and GKE's metadata protections (metadata concealment, the GKE metadata server) are built for pods on the pod network";
    default:
      return 'network policies do not apply to it';
  }
}

/** IMDS-003: hostNetwork pods keep metadata access whatever the policies. */
export default defineRule({
  meta: {
    id: 'imds-host-network',
    title: 'Host-network pod keeps access to the metadata service',
    severity: 'high',
    category: 'network',
    description:
      'The pod sets `spec.hostNetwork: true` and the target cloud is known (`cloud` is `aws`, `azure` or `gcp`; ' +
      'the rule does not run otherwise). Pods in system namespaces (kube-system, CNI and platform namespaces, and ' +
      'those configured as system) are not reported: node agents there need the host network. The Pod Security ' +
      'rule `host-namespaces` reports the field itself; this rule says what it means for the metadata service.',
    rationale:
      'A host-network pod sends its requests from the node: the instance metadata service cannot tell it from the ' +
      'kubelet. Kubernetes leaves network policy for host-network pods undefined (most CNIs do not enforce it), ' +
      'the EC2 hop limit only stops traffic that crosses a network hop, and the AKS IMDS restriction explicitly ' +
      'exempts host-network pods ("Host network pods … retain access"). The pod can therefore take the node\'s ' +
      'credentials (MITRE ATT&CK T1552.005) even in a cluster that blocks the metadata service for every other pod.',
    sources: [
      SOURCES.aksImdsRestriction,
      SOURCES.awsImds,
      SOURCES.gkeWorkloadIdentity,
      SOURCES.networkPolicies,
      SOURCES.attackImds,
    ],
    remediation:
      'Run the workload on the pod network and expose it through a Service; give it its own cloud identity ' +
      '(EKS Pod Identity or IRSA, Microsoft Entra Workload ID, Workload Identity Federation for GKE) instead of ' +
      "the node's:\n\n```yaml\nspec:\n  hostNetwork: false\n  serviceAccountName: web\n```",
    tags: ['imds', 'network', 'host-namespaces'],
  },
  match: { workloads: true },
  appliesTo: (settings) => settings.cloud !== undefined,
  check({ resource, workload, settings, report }) {
    if (workload.podSpec.hostNetwork !== true || isSystemNamespace(resource.namespace, settings)) return;
    const cloud = settings.cloud;
    report({
      message:
        `The pod uses hostNetwork: true: it reaches ${imdsName(cloud)} from the node itself, where ${bypass(cloud)}, ` +
        `so it can take ${nodeCredentials(cloud)}.`,
      path: [...workload.podSpecPath, 'hostNetwork'],
    });
  },
});
