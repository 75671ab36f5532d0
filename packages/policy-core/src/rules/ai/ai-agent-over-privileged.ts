import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { grantPermissions, grantsOfServiceAccount, summarizePermissions } from '../rbac/permissions.js';
import { goodPractices, objectLabel } from '../rbac/common.js';
import { AGENT_KINDS, AI_TAG, SOURCES, agentTargetOf, describeTarget, listText } from './common.js';
import { targetServiceAccount, tokenMount } from './identity.js';

/** AI-003: the identity of an MCP server or agent holds dangerous RBAC permissions. */
export default defineRule({
  meta: {
    id: 'ai-agent-over-privileged',
    title: 'Over-privileged MCP server or agent identity',
    severity: 'critical',
    category: 'rbac',
    description:
      'The ServiceAccount an MCP server or AI agent runs as (recognised as in `ai-agent-egress-unrestricted`) is ' +
      'granted dangerous permissions by a RoleBinding or ClusterRoleBinding of the scan: cluster-admin or full ' +
      'wildcards, Secrets get/list/watch, pods/exec, pods/attach, pods/portforward, creating pods or workload ' +
      'controllers, nodes/proxy, impersonate, escalate, bind, or creating ServiceAccount tokens (the catalogue of ' +
      'the `rbac-*` rules; roles are resolved from the scan, the built-in roles and aggregation; a RoleBinding only ' +
      'counts for namespaced permissions). Grants through the groups the ServiceAccount belongs to count too. One ' +
      'finding per workload, at its ServiceAccount field, naming each binding and what it grants. The ' +
      'ServiceAccount is `serviceAccountName` (else `default`) for workloads, `spec.serviceAccount` for ToolHive ' +
      'resources (skipped when absent: the operator creates one), `serviceAccountName` of a kagent Agent deployment ' +
      '(else the ServiceAccount the controller creates with the agent\u2019s name); kagent MCPServers are skipped. ' +
      'Critical when a dangerous grant is cluster-wide (ClusterRoleBinding) or is full wildcard access; high for ' +
      'namespaced grants only (a RoleBinding to `edit` or `admin`, Secrets read, exec, pod creation, impersonating ' +
      'ServiceAccounts of the namespace); medium when the pod does not mount the token ' +
      '(automountServiceAccountToken: false and no projected token).',
    rationale:
      'An agent\u2019s tools run with the agent\u2019s identity, and the model chooses which tool to call with which ' +
      'arguments based on text an attacker can influence. A Kubernetes MCP server or agent bound to cluster-admin, ' +
      'Secrets read or pods/exec hands that power to anyone who can get text in front of the model: one prompt ' +
      'injection can read every Secret, exec into pods or start a privileged pod (OWASP Agentic Top 10 ASI03 ' +
      'Identity & Privilege Abuse, OWASP LLM06 Excessive Agency; MITRE ATT&CK T1078.004, Valid Accounts: Cloud ' +
      'Accounts). The headline mitigation is least agency: a namespaced Role with the few verbs the tools need.',
    sources: [
      SOURCES.owaspAgentic,
      SOURCES.owaspExcessiveAgency,
      goodPractices({ anchor: 'least-privilege', title: 'least privilege' }),
      goodPractices({ anchor: 'privilege-escalation-risks', title: 'privilege escalation risks' }),
    ],
    remediation:
      'Give the agent its own ServiceAccount and bind it to a namespaced Role with only the verbs its tools need; ' +
      'never cluster-admin, wildcards, Secrets, exec or pod creation:\n\n' +
      '```yaml\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: k8s-mcp-readonly\n' +
      '  namespace: apps\nrules:\n  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [get, list, watch]\n' +
      '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: k8s-mcp-readonly\n' +
      '  namespace: apps\nsubjects:\n  - kind: ServiceAccount\n    name: k8s-mcp\n    namespace: agents\n' +
      'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: k8s-mcp-readonly\n```',
    tags: [AI_TAG, 'rbac'],
  },
  match: { kinds: AGENT_KINDS },
  crossResource: true,
  check({ resource, index, report }) {
    const target = agentTargetOf(resource);
    if (!target) return;
    const account = targetServiceAccount(target);
    if (!account) return;
    const parts: string[] = [];
    let severity: Severity = 'high';
    for (const grant of grantsOfServiceAccount(index, resource.namespace, account.name)) {
      if (!grant.resolved) continue;
      const clusterWide = grant.binding.kind === 'ClusterRoleBinding';
      const permissions = grantPermissions(grant);
      if (permissions.length === 0) continue;
      if (clusterWide || permissions.includes('cluster-admin')) severity = 'critical';
      const role = `${grant.roleKind} "${grant.roleName}"`;
      parts.push(`${objectLabel(grant.binding)} (${role}) grants ${summarizePermissions(permissions, 4)}`);
    }
    if (parts.length === 0) return;
    let mounted = '';
    if (target.workload) {
      const sa = index.find('ServiceAccount', resource.namespace, account.name);
      if (tokenMount(target.workload, sa) === 'not-mounted') {
        severity = 'medium';
        mounted = ' Its token is not automounted, which limits but does not remove the risk.';
      }
    }
    const who =
      account.origin === 'kagent-default'
        ? `the ServiceAccount kagent creates for it ("${account.name}")`
        : `ServiceAccount "${account.name}"`;
    report({
      message:
        `The ${describeTarget(target)} runs as ${who}: ${listText(parts)}, so a prompt-injected tool call can use ` +
        `these rights against the Kubernetes API.${mounted}`,
      path: account.path,
      severity,
    });
  },
});
