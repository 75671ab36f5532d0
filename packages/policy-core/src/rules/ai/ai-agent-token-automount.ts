import type { Path } from '../../types.js';
import { defineRule } from '../rule.js';
import { grantsOfServiceAccount } from '../rbac/permissions.js';
import { AGENT_KINDS, AI_TAG, SOURCES, agentTargetOf, describeTarget } from './common.js';
import { projectsToken, targetServiceAccount, tokenMount } from './identity.js';

/** AI-004: an MCP server or agent gets a Kubernetes API token it has no declared use for. */
export default defineRule({
  meta: {
    id: 'ai-agent-token-automount',
    title: 'MCP server or agent gets an unneeded API token',
    severity: 'high',
    category: 'identity',
    description:
      'The pods of a workload recognised as an MCP server or AI agent (as in `ai-agent-egress-unrestricted`) get ' +
      'their ServiceAccount token automounted, with the semantics of `service-account-token-automount`: the pod ' +
      'does not set `automountServiceAccountToken: false` and neither does its ServiceAccount when it is in the ' +
      'scan; a pod `true` wins over the ServiceAccount. Not reported when the need is declared: a RoleBinding or ' +
      'ClusterRoleBinding of the scan names the ServiceAccount itself (then `ai-agent-over-privileged` judges what ' +
      'it grants), or the pod requests a projected `serviceAccountToken` volume. Only built-in workload kinds are ' +
      'checked: ToolHive and kagent operators create the pods and their token settings are not in the manifest. ' +
      'This is the agent-specific escalation of `service-account-token-automount` (medium), which reports the same ' +
      'pod with a generic message; both keep their own ids so a suppression of one does not hide the other.',
    rationale:
      'A token in an agent pod is one tool call away from the model: a file-read or shell tool, a prompt injection ' +
      'or a malicious MCP package can read `/var/run/secrets/kubernetes.io/serviceaccount/token` and use it against ' +
      'the API server with every permission the ServiceAccount has now or gets later (OWASP Agentic Top 10 ASI03 ' +
      'Identity & Privilege Abuse; MITRE ATT&CK T1528, Steal Application Access Token). Agents that are not ' +
      'Kubernetes tools never need it, and least agency says they should not hold it.',
    sources: [
      SOURCES.owaspAgentic,
      {
        title: 'Kubernetes: Configure Service Accounts for Pods (opt out of API credential automounting)',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      },
      {
        title: 'MITRE ATT&CK T1528: Steal Application Access Token',
        url: 'https://attack.mitre.org/techniques/T1528/',
      },
    ],
    remediation:
      'Disable the automount for the agent (on its ServiceAccount or pod template). An MCP server that really is a ' +
      'Kubernetes tool should get a dedicated ServiceAccount bound to a narrow Role:\n\n' +
      '```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: mcp-fetch\nautomountServiceAccountToken: false\n' +
      '---\n# or in the pod template\nspec:\n  serviceAccountName: mcp-fetch\n  automountServiceAccountToken: false\n```',
    tags: [AI_TAG, 'workload-identity', 'service-accounts'],
  },
  match: { kinds: AGENT_KINDS },
  crossResource: true,
  check({ resource, index, report }) {
    const target = agentTargetOf(resource);
    const workload = target?.workload;
    if (!target || target.source !== 'workload' || !workload || projectsToken(workload)) return;
    const account = targetServiceAccount(target);
    if (!account) return;
    const sa = index.find('ServiceAccount', resource.namespace, account.name);
    if (tokenMount(workload, sa) !== 'mounted') return;
    const declared = grantsOfServiceAccount(index, resource.namespace, account.name).some(
      (g) => g.subject?.kind === 'ServiceAccount' || g.subject?.kind === 'User',
    );
    if (declared) return;
    const podSets = workload.podSpec.automountServiceAccountToken === true;
    const who =
      account.name === 'default'
        ? 'the namespace\u2019s "default" ServiceAccount'
        : `ServiceAccount "${account.name}"`;
    const why = podSets
      ? `sets automountServiceAccountToken: true, so the API token of ${who}`
      : sa
        ? `does not disable the automount and neither does ${who}, so its API token`
        : `does not disable the automount and ${who} is not in the scan, so its API token`;
    const path: Path = podSets
      ? [...workload.podSpecPath, 'automountServiceAccountToken']
      : workload.podSpecPath;
    report({
      message:
        `The ${describeTarget(target)} ${why} is in every container although no ` +
        'binding in the scan gives it a use: a prompt-injected tool call or malicious package can read it and act ' +
        'on the cluster.',
      path,
    });
  },
});
