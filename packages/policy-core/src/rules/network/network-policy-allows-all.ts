import { defineRule } from '../rule.js';
import { isTemplatedText } from '../../model/image.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { isWholeFamily, parseCidr } from './cidr.js';
import { SOURCES, objectLabel } from './common.js';
import { isKubernetesNetworkPolicy, kubernetesPolicyTypes, specOf } from './policies.js';

function wholeFamilyBlock(peer: unknown): string | undefined {
  const cidr = asString(asObject(asObject(peer)?.ipBlock)?.cidr);
  if (cidr === undefined || isTemplatedText(cidr)) return undefined;
  const parsed = parseCidr(cidr);
  return parsed && isWholeFamily(parsed) ? cidr : undefined;
}

/** A NetworkPolicy rule that allows everything, cancelling the isolation the policy creates. */
export default defineRule({
  meta: {
    id: 'network-policy-allows-all',
    title: 'Network policy rule allows all traffic',
    severity: 'medium',
    category: 'network',
    description:
      'A Kubernetes NetworkPolicy (networking.k8s.io) has a rule that allows all traffic in a direction the policy ' +
      'governs (its effective `policyTypes`): an ingress rule with neither `from` nor `ports` (`ingress: [{}]`), an ' +
      'ingress peer `ipBlock` of `0.0.0.0/0` or `::/0` in a rule without `ports` (the whole internet, on every ' +
      'port), or an egress rule with neither `to` nor `ports` (`egress: [{}]`). Rules limited to some ports (e.g. ' +
      'DNS to any destination, HTTPS from the internet) are not reported; neither are rules of a direction the ' +
      'policy does not govern, nor templated CIDRs. Egress `ipBlock`s that open the metadata service are ' +
      '`imds-egress-open`.',
    rationale:
      'Network policies are additive allow-lists: one rule that allows everything makes every other rule of every ' +
      'policy selecting the same pods irrelevant for that direction, silently undoing a default-deny. An open ' +
      'egress rule also lets a compromised pod reach the cloud metadata service (MITRE ATT&CK T1552.005) and ' +
      'exfiltrate data; an open ingress rule exposes every port of the pods to every client.',
    sources: [SOURCES.networkPolicies],
    remediation:
      'Name the peers and ports the workload needs instead of allowing everything:\n\n' +
      '```yaml\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress, Egress]\n  ingress:\n' +
      '    - from:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: ingress-nginx}\n' +
      '      ports:\n        - port: 8080\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.20.0.0/16\n' +
      '      ports:\n        - port: 5432\n```',
    tags: ['network-policy', 'network'],
  },
  match: { kinds: ['NetworkPolicy'] },
  check({ resource, report }) {
    if (!isKubernetesNetworkPolicy(resource)) return;
    const spec = specOf(resource);
    const types = kubernetesPolicyTypes(spec);
    const policy = objectLabel(resource);
    if (types.has('ingress')) {
      asArray(spec.ingress).forEach((raw, i) => {
        const rule = asObject(raw);
        if (!rule || asArray(rule.ports).length > 0) return;
        const peers = asArray(rule.from);
        if (peers.length === 0) {
          report({
            message: `${policy} ingress rule #${i + 1} has no "from" and no "ports": it allows every source on every port, undoing the isolation of the pods it selects.`,
            path: ['spec', 'ingress', i],
          });
          return;
        }
        peers.forEach((peer, j) => {
          const cidr = wholeFamilyBlock(peer);
          if (cidr === undefined) return;
          report({
            message: `${policy} ingress rule #${i + 1} allows ${cidr} on every port: any address, including the internet when the pods are exposed, can reach every port of the pods it selects.`,
            path: ['spec', 'ingress', i, 'from', j, 'ipBlock', 'cidr'],
          });
        });
      });
    }
    if (types.has('egress')) {
      asArray(spec.egress).forEach((raw, i) => {
        const rule = asObject(raw);
        if (!rule || asArray(rule.ports).length > 0 || asArray(rule.to).length > 0) return;
        report({
          message: `${policy} egress rule #${i + 1} has no "to" and no "ports": the pods it selects can connect anywhere, including the cloud metadata service and the internet.`,
          path: ['spec', 'egress', i],
        });
      });
    }
  },
});
