import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { labelsOf, type Labels } from '../../model/selector.js';
import { asObject } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { isolatesEgress, policiesSelectingPod } from '../network/coverage.js';
import { opensWholeInternet } from '../network/egress.js';
import { objectLabel } from '../network/common.js';
import { POLICY_KINDS, policyDirections, policyEngine, policySelectsPod } from '../network/policies.js';
import { configMapProfileAllowsAll, toolhiveProfile } from './toolhive.js';
import {
  AGENT_KINDS,
  AI_TAG,
  SOURCES,
  agentTargetOf,
  describeTarget,
  listText,
  type AgentTarget,
} from './common.js';

const NAMESPACED_POLICY_KINDS = new Set(['NetworkPolicy', 'CiliumNetworkPolicy']);

const CONSEQUENCE =
  'a prompt-injected or compromised tool can send data anywhere: the internet, other namespaces, the Kubernetes API ' +
  'and the cloud metadata service';

function policyNames(policies: readonly Resource[]): string {
  return listText(policies.map(objectLabel));
}

/**
 * The egress policies that select the pods of a custom resource whose pods an operator labels: those that select
 * every pod of the namespace for sure. Undefined when a policy might select them through labels the manifest does
 * not show (then nothing can be said).
 */
function operatorPodPolicies(
  index: ResourceIndex,
  namespace: string | undefined,
  labels: Labels,
): Resource[] | undefined {
  const certain: Resource[] = [];
  for (const kind of POLICY_KINDS) {
    for (const policy of index.ofKind(kind)) {
      if (!policyEngine(policy) || !policyDirections(policy).has('egress')) continue;
      const namespaced = NAMESPACED_POLICY_KINDS.has(kind);
      if (namespaced && (policy.namespace ?? '') !== (namespace ?? '')) continue;
      if (policySelectsPod(policy, namespace, labels, index) === true) certain.push(policy);
      else return undefined;
    }
  }
  return certain;
}

/** ToolHive derives an egress NetworkPolicy from a restrictive permission profile and from untrusted mode. */
function toolhiveConfinesEgress(target: AgentTarget, index: ResourceIndex): boolean {
  if (target.source !== 'toolhive-mcpserver') return false;
  if (asObject(target.resource.object.spec)?.untrusted === true) return true;
  const profile = toolhiveProfile(target.resource);
  if (profile.kind === 'configmap')
    return configMapProfileAllowsAll(index, target.resource, profile) !== true;
  return profile.kind !== 'absent' && profile.kind !== 'network';
}

/** AI-001: an MCP server or agent whose outbound traffic no network policy restricts. */
export default defineRule({
  meta: {
    id: 'ai-agent-egress-unrestricted',
    title: 'MCP server or agent with unrestricted egress',
    severity: 'high',
    category: 'network',
    description:
      'An MCP server or AI agent (ToolHive `MCPServer`/`VirtualMCPServer`, kagent `MCPServer`/`Agent`, or a ' +
      'workload recognised by `app.kubernetes.io/component: mcp-server`, by `agent` plus an LLM API key variable or ' +
      'MCP image, by an MCP server image such as `ghcr.io/github/github-mcp-server` or `mcp/*`, or by an ' +
      '`npx`/`uvx` MCP package) is not isolated for egress: no network policy of the scan (Kubernetes, Cilium, ' +
      'Calico or admin network policies, as `network-policy-missing` reads them) puts its pods in default-deny for ' +
      'egress, or one of the policies that select them allows `0.0.0.0/0` on ports other than DNS. hostNetwork pods ' +
      'are reported too (network policies do not apply to them). For custom resources the operator labels the pods, ' +
      'so only policies that select every pod of the namespace count, and any other egress policy in the namespace ' +
      '(or a cluster-wide one) keeps the rule quiet. ToolHive `MCPServer`s whose permission profile restricts outbound ' +
      'traffic (`none`, or a ConfigMap profile that does not set `insecure_allow_all`), or in untrusted mode, are ' +
      'skipped: the operator derives an egress NetworkPolicy from them (see `toolhive-network-permission`). PodTemplate objects are skipped. This is the agent-specific, higher-severity ' +
      'companion of `network-policy-missing`, which also reports the pods.',
    rationale:
      'An agent acts on untrusted text: a prompt injection in a web page, issue or document it reads can make it ' +
      'call its tools with attacker-chosen arguments (OWASP Agentic Top 10 ASI01 Agent Goal Hijack, ASI02 Tool ' +
      'Misuse, ASI05 Unexpected Code Execution). With open egress the same injection exfiltrates the data and ' +
      'credentials the agent holds to any host (MITRE ATT&CK T1041, Exfiltration Over C2 Channel), downloads second ' +
      'stages, reaches the instance metadata service for node credentials (T1552.005) and moves laterally inside ' +
      'the cluster. A default-deny egress policy with an allow-list (LLM endpoint, tool back-ends, DNS) bounds what ' +
      'a hijacked agent can reach.',
    sources: [
      SOURCES.owaspAgentic,
      SOURCES.networkPolicies,
      SOURCES.mcpSecurity,
      SOURCES.toolhiveUntrusted,
      {
        title: 'MITRE ATT&CK T1041: Exfiltration Over C2 Channel',
        url: 'https://attack.mitre.org/techniques/T1041/',
      },
    ],
    remediation:
      'Put the agent in default-deny for egress and allow only what it needs (DNS, the model endpoint, its tool ' +
      'back-ends):\n\n' +
      '```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: mcp-github-egress\n' +
      '  namespace: agents\nspec:\n  podSelector:\n    matchLabels: {app: mcp-github}\n  policyTypes: [Egress]\n' +
      '  egress:\n    - to:\n        - namespaceSelector: {}\n          podSelector:\n            matchLabels: ' +
      '{k8s-app: kube-dns}\n      ports:\n        - {port: 53, protocol: UDP}\n        - {port: 53, protocol: TCP}\n' +
      '    - to:\n        - ipBlock:\n            cidr: 140.82.112.0/20   # api.github.com\n      ports:\n' +
      '        - {port: 443, protocol: TCP}\n```',
    tags: [AI_TAG, 'network-policy', 'network'],
  },
  match: { kinds: AGENT_KINDS },
  crossResource: true,
  check({ resource, index, report }) {
    const target = agentTargetOf(resource);
    if (!target || resource.kind === 'PodTemplate' || toolhiveConfinesEgress(target, index)) return;
    const subject = describeTarget(target);
    const workload = target.workload;
    if (target.source === 'workload' && workload?.podSpec.hostNetwork === true) {
      report({
        message: `The ${subject} uses hostNetwork, so no network policy applies to its pods and ${CONSEQUENCE}.`,
        path: [...workload.podSpecPath, 'hostNetwork'],
      });
      return;
    }
    let egress: Resource[] | undefined;
    if (target.podLabels) {
      egress = policiesSelectingPod(index, resource.namespace, target.podLabels).egress;
    } else {
      egress = operatorPodPolicies(index, resource.namespace, labelsOf(workload?.podMetadata));
      if (!egress) return;
    }
    const path = target.source === 'workload' && workload ? workload.podMetadataPath : target.anchor;
    if (!isolatesEgress(egress)) {
      report({
        message: `The ${subject} is not isolated for egress by any network policy in the scan, so ${CONSEQUENCE}.`,
        path,
      });
      return;
    }
    const open = egress.filter((p) => opensWholeInternet([p]));
    if (open.length > 0) {
      report({
        message: `The ${subject} has an egress policy, but ${policyNames(open)} allows 0.0.0.0/0, so ${CONSEQUENCE}.`,
        path,
      });
    }
  },
});
