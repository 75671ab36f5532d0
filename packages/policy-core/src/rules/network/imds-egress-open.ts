import { defineRule } from '../rule.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { isTemplatedText } from '../../model/image.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { cidrContains, isHostBlock, parseCidr, parseIp } from './cidr.js';
import {
  IMDS_EGRESS_SNIPPET,
  IMDS_IPV4,
  IMDS_IPV6_AWS,
  IMDS_PORT,
  LINK_LOCAL_SERVICES,
  SOURCES,
  imdsName,
  metadataAddresses,
  objectLabel,
} from './common.js';
import { evaluateEgress, kubernetesEgressRuleMatches } from './egress.js';
import {
  POLICY_KINDS,
  isKubernetesNetworkPolicy,
  kubernetesPolicyTypes,
  policyEngine,
  selectsAllPods,
  specOf,
} from './policies.js';

const NAMESPACED_KINDS = new Set(['CiliumNetworkPolicy', 'NetworkPolicy']);

/**
 * True when a Cilium, Calico or admin policy that selects every pod (cluster-wide, or in the policy's
 * namespace) explicitly denies egress to the address: then a permissive NetworkPolicy cannot open it.
 */
function deniedForAllPods(index: ResourceIndex, policy: Resource, address: string): boolean {
  const target = parseCidr(address)!;
  return POLICY_KINDS.some((kind) =>
    index.ofKind(kind).some((other) => {
      const engine = policyEngine(other);
      if (engine !== 'cilium' && engine !== 'calico' && engine !== 'admin') return false;
      if (NAMESPACED_KINDS.has(other.kind) && (other.namespace ?? '') !== (policy.namespace ?? ''))
        return false;
      if (!selectsAllPods(other)) return false;
      const result = evaluateEgress([other], target, IMDS_PORT);
      return result.verdict === 'blocked' && result.deniedBy === other;
    }),
  );
}

/** IMDS-002: an egress ipBlock that opens the metadata service, or an exception that cuts too much. */
export default defineRule({
  meta: {
    id: 'imds-egress-open',
    title: 'Egress rule opens the cloud metadata service',
    severity: 'medium',
    category: 'network',
    description:
      'A Kubernetes NetworkPolicy egress rule (in a policy whose effective `policyTypes` include Egress) has an ' +
      '`ipBlock` whose `cidr` contains 169.254.169.254 (e.g. `0.0.0.0/0`, `169.254.0.0/16`) without an `except` ' +
      'covering it, on ports that include TCP 80; for `::/0`-like blocks the same holds for the EC2 IPv6 endpoint ' +
      'fd00:ec2::254 when `cloud` is `aws` or not set. A single-address block (`169.254.169.254/32`) is a ' +
      'deliberate grant and is not reported here (`imds-reachable` reports the workloads). Not reported when a ' +
      'Cilium, Calico or admin network policy selecting every pod explicitly denies the address. Informational: ' +
      'an `except` broader than the metadata address (e.g. `169.254.0.0/16`) that also covers NodeLocal DNSCache ' +
      '(169.254.20.10) or, on AWS or an unknown cloud, the EKS Pod Identity agent (169.254.170.23, fd00:ec2::23).',
    rationale:
      'NetworkPolicies are additive: one rule allowing `0.0.0.0/0` without the metadata exception makes ' +
      '169.254.169.254 reachable for every pod it selects, whatever other policies say. From there a compromised ' +
      'pod (or an SSRF in it) reads the node credentials: IAM role keys on EC2 (the 2019 Capital One breach), ' +
      'managed identity tokens on Azure, the node service account token on GCP (MITRE ATT&CK T1552.005). ' +
      'Excepting all of 169.254.0.0/16 instead breaks DNS through NodeLocal DNSCache and EKS Pod Identity, which ' +
      'pushes teams to remove the exception altogether.',
    sources: [
      SOURCES.networkPolicies,
      SOURCES.attackImds,
      SOURCES.awsImds,
      SOURCES.eksPodIdentity,
      SOURCES.nodeLocalDns,
      SOURCES.aksImdsRestriction,
    ],
    remediation:
      'Except exactly the metadata addresses (as /32 and /128) from broad egress blocks:\n\n' +
      IMDS_EGRESS_SNIPPET,
    tags: ['imds', 'network'],
  },
  match: { kinds: ['NetworkPolicy'] },
  crossResource: true,
  check({ resource, index, settings, report }) {
    if (!isKubernetesNetworkPolicy(resource)) return;
    const spec = specOf(resource);
    if (!kubernetesPolicyTypes(spec).has('egress')) return;
    const cloud = settings.cloud;
    const addresses = metadataAddresses(cloud);
    const services = LINK_LOCAL_SERVICES.filter((s) => s.clouds.includes(cloud));
    asArray(spec.egress).forEach((raw, i) => {
      const rule = asObject(raw);
      if (!rule) return;
      asArray(rule.to).forEach((peer, j) => {
        const block = asObject(asObject(peer)?.ipBlock);
        const text = asString(block?.cidr);
        if (!block || text === undefined || isTemplatedText(text)) return;
        const cidr = parseCidr(text);
        if (!cidr || isHostBlock(cidr)) return;
        const blockPath = ['spec', 'egress', i, 'to', j, 'ipBlock'];
        for (const address of addresses) {
          const single = { to: [{ ipBlock: block }], ports: rule.ports };
          if (kubernetesEgressRuleMatches(single, parseCidr(address)!, IMDS_PORT) !== true) continue;
          if (deniedForAllPods(index, resource, address)) continue;
          report({
            message:
              `${objectLabel(resource)} allows egress to ${text} without excepting ${address}, so the pods it ` +
              `selects can reach ${imdsName(cloud)} and take the node's credentials.`,
            path: [...blockPath, 'cidr'],
            key: address,
          });
        }
        asArray(block.except).forEach((value, k) => {
          const except = typeof value === 'string' ? parseCidr(value) : undefined;
          if (!except || isHostBlock(except)) return;
          const coversMetadata = [IMDS_IPV4, IMDS_IPV6_AWS].some((a) => cidrContains(except, parseIp(a)!));
          const cut = services.filter((s) => cidrContains(except, parseIp(s.address)!));
          if (!coversMetadata || cut.length === 0) return;
          report({
            message:
              `${objectLabel(resource)} excepts all of ${String(value)}, which also blocks ` +
              `${cut.map((s) => s.name).join(' and ')}; except only the metadata address ` +
              `(${except.family === 4 ? '169.254.169.254/32' : 'fd00:ec2::254/128'}).`,
            path: [...blockPath, 'except', k],
            severity: 'info',
            key: `except:${String(value)}`,
          });
        });
      });
    });
  },
});
