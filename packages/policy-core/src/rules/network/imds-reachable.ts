import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import {
  IMDS_EGRESS_SNIPPET,
  IMDS_PORT,
  SOURCES,
  cloudFix,
  imdsName,
  metadataAddresses,
  nodeCredentials,
  onGkeMetadataServer,
  podLabels,
  objectLabel,
  runsPods,
  usesHostNetwork,
} from './common.js';
import { egressToAddress, policiesSelectingPod } from './coverage.js';

/** IMDS-001: the workload's pods can reach the instance metadata service. */
export default defineRule({
  meta: {
    id: 'imds-reachable',
    title: 'Pods can reach the cloud instance metadata service',
    severity: 'high',
    category: 'network',
    description:
      "The workload's pods can send traffic to the instance metadata service at 169.254.169.254 (and, when `cloud` " +
      'is `aws` or not set, the EC2 IPv6 endpoint fd00:ec2::254) on TCP port 80: either no network policy selects ' +
      'them for egress, or the union of the egress rules of the policies that do allows the address (an `ipBlock` ' +
      'containing it without a covering `except`, a rule without `to`, a Cilium `world` entity or CIDR, a Calico ' +
      '`Allow` rule). Explicit denies in Cilium `egressDeny`, Calico `Deny` rules and AdminNetworkPolicy `Deny` ' +
      'rules are honoured. One finding per workload, on the pod template metadata, naming the policies that allow ' +
      'the traffic. The severity is high when `cloud` is set and medium otherwise (the cluster may not run on cloud ' +
      'VMs); in system namespaces (kube-system, …), where node add-ons often use the node identity on purpose, ' +
      'the finding is informational. Not reported for hostNetwork pods (`imds-host-network`), PodTemplate objects, pods pinned to GKE ' +
      'metadata-server node pools (`nodeSelector: iam.gke.io/gke-metadata-server-enabled: "true"`, where the GKE ' +
      'metadata server only serves the workload identity), nor when templated values decide the answer. The AKS ' +
      'IMDS restriction and the EC2 hop limit are node settings a manifest scan cannot see.',
    rationale:
      'The metadata service hands out the credentials of the node: IAM role keys on EC2, managed identity tokens ' +
      'on Azure, the node service account token on GCP, plus bootstrap data such as user-data scripts and, on ' +
      'older GKE nodes, kubelet credentials in kube-env. Any pod that can reach it, through compromise or a ' +
      'server-side request forgery, acts with the node identity (MITRE ATT&CK T1552.005; the 2019 Capital One ' +
      'breach used an SSRF to 169.254.169.254).',
    sources: [
      SOURCES.attackImds,
      SOURCES.networkPolicies,
      SOURCES.awsImds,
      SOURCES.aksImdsRestriction,
      SOURCES.gkeWorkloadIdentity,
      SOURCES.ciliumDeny,
      SOURCES.calicoGlobalPolicy,
    ],
    remediation:
      'Select every pod with an egress policy and except the metadata addresses from broad blocks; on AWS, also ' +
      'require IMDSv2 with a hop limit of 1 on the nodes (EKS Pod Identity or IRSA for pod credentials); on AKS, ' +
      'enable the IMDS restriction (`az aks update --enable-imds-restriction`) with Microsoft Entra Workload ID; on ' +
      'GKE, run the GKE metadata server (Workload Identity Federation for GKE):\n\n' +
      IMDS_EGRESS_SNIPPET,
    tags: ['imds', 'network'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, workload, index, settings, report }) {
    if (!runsPods(resource) || usesHostNetwork(workload) || onGkeMetadataServer(workload)) return;
    const cloud = settings.cloud;
    const { egress } = policiesSelectingPod(index, resource.namespace, podLabels(workload));
    const reachable: string[] = [];
    const allowedBy = new Set<string>();
    for (const address of metadataAddresses(cloud)) {
      const result = egressToAddress(egress, address, IMDS_PORT);
      if (result.verdict !== 'allowed') continue;
      reachable.push(address);
      for (const policy of result.allowedBy) allowedBy.add(objectLabel(policy));
    }
    if (reachable.length === 0) return;
    const why =
      egress.length === 0
        ? 'no egress network policy selects them'
        : allowedBy.size > 0
          ? `${[...allowedBy].join(', ')} ${allowedBy.size === 1 ? 'allows' : 'allow'} it`
          : 'no egress policy isolates them';
    report({
      message:
        `The pods of ${objectLabel(resource)} can reach ${imdsName(cloud)} at ${reachable.join(' and ')} ` +
        `(${why}) and take ${nodeCredentials(cloud)}; add an egress policy that excepts the metadata address` +
        `${cloudFix(cloud)}.`,
      path: workload.podMetadataPath,
      ...(isSystemNamespace(resource.namespace, settings)
        ? { severity: 'info' as const }
        : cloud === undefined && { severity: 'medium' as const }),
    });
  },
});
