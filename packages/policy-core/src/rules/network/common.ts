/** Constants, sources and message helpers shared by the network rules (no rule logic lives here). */
import type { RuleSource } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { Workload } from '../../model/workload.js';
import { labelsOf, type Labels } from '../../model/selector.js';
import { asObject } from '../../model/values.js';
import type { EvaluationSettings } from '../rule.js';
import type { PortTarget } from './egress.js';

export type Cloud = EvaluationSettings['cloud'];

/** The instance metadata service address of AWS, Azure, GCP (and OCI, DigitalOcean, OpenStack). */
export const IMDS_IPV4 = '169.254.169.254';
/** The IPv6 address of the EC2 instance metadata service (Nitro instances, when enabled). */
export const IMDS_IPV6_AWS = 'fd00:ec2::254';
/**
 * Every cloud metadata endpoint the rules know, with how to find it as a whole address or host name inside
 * text (case-insensitive for names). The one list: the network rules and `score-probe-metadata-host` read it.
 */
export const METADATA_ENDPOINTS = [
  {
    name: IMDS_IPV4,
    pattern: /(?<![\d.])169\.254\.169\.254(?!\d)/,
    what: 'the instance metadata service of AWS, Azure, GCP and others',
  },
  {
    name: IMDS_IPV6_AWS,
    pattern: /(?<![0-9a-f:])fd00:ec2::254(?![0-9a-f:])/i,
    what: 'the EC2 IPv6 metadata endpoint',
  },
  {
    name: 'metadata.google.internal',
    pattern: /(?<![a-z0-9-])metadata\.google\.internal(?![a-z0-9-])/i,
    what: 'the Google Cloud metadata server',
  },
  {
    name: '100.100.100.200',
    pattern: /(?<![\d.])100\.100\.100\.200(?!\d)/,
    what: 'the Alibaba Cloud ECS metadata service',
  },
] as const satisfies readonly { name: string; pattern: RegExp; what: string }[];

export type MetadataEndpoint = (typeof METADATA_ENDPOINTS)[number];

/** The first metadata endpoint named anywhere in a string value. */
export function metadataEndpointIn(value: unknown): MetadataEndpoint | undefined {
  if (typeof value !== 'string') return undefined;
  return METADATA_ENDPOINTS.find((e) => e.pattern.test(value));
}

/** Metadata services answer plain HTTP. */
export const IMDS_PORT: PortTarget = { number: 80, protocol: 'TCP' };

/** The metadata addresses to check for a cloud: IPv6 only where it exists (AWS) or may (unknown cloud). */
export function metadataAddresses(cloud: Cloud): string[] {
  return cloud === 'aws' || cloud === undefined ? [IMDS_IPV4, IMDS_IPV6_AWS] : [IMDS_IPV4];
}

/** Link-local services a wholesale `169.254.0.0/16` (or `fd00:ec2::/64`) exception also cuts off. */
export const LINK_LOCAL_SERVICES: readonly { address: string; name: string; clouds: readonly Cloud[] }[] = [
  {
    address: '169.254.20.10',
    name: 'NodeLocal DNSCache (169.254.20.10)',
    clouds: ['aws', 'azure', 'gcp', undefined],
  },
  {
    address: '169.254.170.23',
    name: 'the EKS Pod Identity agent (169.254.170.23)',
    clouds: ['aws', undefined],
  },
  { address: 'fd00:ec2::23', name: 'the EKS Pod Identity agent (fd00:ec2::23)', clouds: ['aws', undefined] },
];

/** `the EC2 instance metadata service (IMDS)`, … */
export function imdsName(cloud: Cloud): string {
  switch (cloud) {
    case 'aws':
      return 'the EC2 instance metadata service (IMDS)';
    case 'azure':
      return 'the Azure Instance Metadata Service (IMDS)';
    case 'gcp':
      return 'the Compute Engine metadata server';
    default:
      return 'the cloud instance metadata service (IMDS)';
  }
}

/** What a pod that reaches the node's metadata service can take. */
export function nodeCredentials(cloud: Cloud): string {
  switch (cloud) {
    case 'aws':
      return "the node's IAM role credentials";
    case 'azure':
      return 'managed identity tokens of the node (the kubelet identity)';
    case 'gcp':
      return "the node service account's access token";
    default:
      return "the node's cloud credentials";
  }
}

/** The platform fix, in a clause (empty when the cloud is unknown). */
export function cloudFix(cloud: Cloud): string {
  switch (cloud) {
    case 'aws':
      return '; on the nodes, also require IMDSv2 with a hop limit of 1 and give pods EKS Pod Identity or IRSA';
    case 'azure':
      return '; also enable the AKS IMDS restriction (az aks update --enable-imds-restriction) and use Microsoft Entra Workload ID';
    case 'gcp':
      return '; also run the GKE metadata server (Workload Identity Federation for GKE) on the node pools';
    default:
      return '';
  }
}

export { objectLabel } from '../../model/resource.js';

/** The labels policies match the workload's pods against. */
export function podLabels(workload: Workload): Labels {
  return labelsOf(workload.podMetadata);
}

/** Pods of these objects never run on the pod network as written (a PodTemplate runs nothing by itself). */
export function runsPods(resource: Resource): boolean {
  return resource.kind !== 'PodTemplate';
}

export function usesHostNetwork(workload: Workload): boolean {
  return workload.podSpec.hostNetwork === true;
}

/** GKE schedules pods with this node selector on node pools where the GKE metadata server intercepts IMDS. */
export function onGkeMetadataServer(workload: Workload): boolean {
  const selector = asObject(workload.podSpec.nodeSelector);
  return String(selector?.['iam.gke.io/gke-metadata-server-enabled']) === 'true';
}

export const SOURCES = {
  networkPolicies: {
    title: 'Kubernetes: Network Policies',
    url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  },
  attackImds: {
    title: 'MITRE ATT&CK T1552.005: Unsecured Credentials: Cloud Instance Metadata API',
    url: 'https://attack.mitre.org/techniques/T1552/005/',
  },
  awsImds: {
    title: 'Amazon EC2: Retrieve instance metadata (IPv4 and IPv6 endpoints)',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
  },
  eksPodIdentity: {
    title: 'Amazon EKS: Set up the EKS Pod Identity Agent (169.254.170.23, fd00:ec2::23)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html',
  },
  azureImds: {
    title: 'Azure Instance Metadata Service',
    url: 'https://learn.microsoft.com/en-us/azure/virtual-machines/instance-metadata-service',
  },
  aksImdsRestriction: {
    title: 'AKS: Block pod access to the Azure Instance Metadata Service (IMDS) endpoint',
    url: 'https://learn.microsoft.com/en-us/azure/aks/imds-restriction',
  },
  gkeWorkloadIdentity: {
    title: 'GKE: About Workload Identity Federation for GKE',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/workload-identity',
  },
  gceMetadata: {
    title: 'Compute Engine: metadata server (metadata.google.internal)',
    url: 'https://cloud.google.com/compute/docs/storing-retrieving-metadata',
  },
  alibabaMetadata: {
    title: 'Alibaba Cloud ECS: Instance metadata (100.100.100.200)',
    url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata',
  },
  nodeLocalDns: {
    title: 'Kubernetes: Using NodeLocal DNSCache (169.254.20.10)',
    url: 'https://kubernetes.io/docs/tasks/administer-cluster/nodelocaldns/',
  },
  ciliumDeny: {
    title: 'Cilium: Deny policies',
    url: 'https://docs.cilium.io/en/latest/security/policy/deny/',
  },
  calicoGlobalPolicy: {
    title: 'Calico: Global network policy',
    url: 'https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy',
  },
  adminNetworkPolicy: {
    title: 'Kubernetes Network Policy API: AdminNetworkPolicy',
    url: 'https://network-policy-api.sigs.k8s.io/api-overview/',
  },
  kubescapeC0260: {
    title: 'Kubescape C-0260: Missing network policy',
    url: 'https://hub.armosec.io/docs/c-0260',
  },
} satisfies Record<string, RuleSource>;

/** The remediation snippet every IMDS rule points to: allow the internet, except the metadata addresses. */
export const IMDS_EGRESS_SNIPPET =
  '```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-egress-no-imds\n' +
  'spec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n' +
  '            except: [169.254.169.254/32]\n        - ipBlock:\n            cidr: "::/0"\n' +
  '            except: ["fd00:ec2::254/128"]\n```';
