import { defineRule } from '../rule.js';
import { dangerousMatches, isFullWildcard } from './permissions.js';
import { RBAC_TAGS, ROLE_KINDS, goodPractices, listText, resourceItemPath, roleEntries } from './common.js';

/** nodes/proxy (Part A row 43; API-011). */
export default defineRule({
  meta: {
    id: 'rbac-nodes-proxy',
    title: 'RBAC rule grants the kubelet API (nodes/proxy)',
    severity: 'high',
    category: 'rbac',
    description:
      'A ClusterRole rule entry allows `get` or `create` on `nodes/proxy` in the core API group (directly or ' +
      'through `*`), for all nodes or for nodes named in `resourceNames`. `get` is enough: the kubelet authorizes ' +
      'WebSocket requests to `/exec` with the `get` verb. Roles are not checked (nodes are cluster-scoped, a Role ' +
      'cannot grant them). One finding per entry, at the matching `resources` item. Platform-owned roles, ' +
      'aggregated ClusterRoles and full-wildcard entries (rbac-wildcard) are skipped.',
    rationale:
      '`nodes/proxy` is the key to the kubelet API of every node: list pods with their environment, read logs, and ' +
      'run commands in any container on the node through `/exec` and `/run` \u2014 including a WebSocket `GET`, so a ' +
      'monitoring agent\u2019s "read-only" `get` is remote code execution on the node\u2019s pods. Requests sent ' +
      'straight to the kubelet are not in the API server audit log. Fine-grained kubelet authorization (KEP-2862: ' +
      'beta and on by default since 1.33, GA in 1.36) adds `nodes/pods`, `nodes/healthz` and `nodes/configz` to ' +
      'the older `nodes/metrics`, `nodes/stats` and `nodes/log`, so monitoring no longer needs `nodes/proxy` ' +
      '(MITRE ATT&CK T1609, Container Administration Command).',
    sources: [
      goodPractices({
        anchor: 'access-to-proxy-subresource-of-nodes',
        title: 'access to proxy subresource of Nodes',
      }),
      {
        title: 'Kubernetes: Kubelet authentication/authorization',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
      },
      {
        title: 'KEP-2862: Fine-grained kubelet API authorization',
        url: 'https://www.kubernetes.dev/resources/keps/2862/',
      },
      {
        title: 'nodes/proxy GET to remote code execution (Graham Helton)',
        url: 'https://grahamhelton.com/blog/nodes-proxy-rce',
      },
    ],
    remediation:
      'Grant the fine-grained kubelet subresources the agent actually reads instead of `nodes/proxy`:\n\n' +
      '```yaml\nrules:\n  - apiGroups: [""]\n    resources: ["nodes/metrics", "nodes/stats"]\n    verbs: ["get"]\n```',
    tags: [...RBAC_TAGS, 'kubelet'],
  },
  match: { kinds: ROLE_KINDS },
  check({ resource, report }) {
    for (const entry of roleEntries(resource)) {
      if (entry.namespaced || isFullWildcard(entry.rule)) continue;
      const verbs = dangerousMatches(entry.rule, entry.all)
        .filter((m) => m.concept === 'nodes-proxy')
        .map((m) => m.verb);
      if (verbs.length === 0) continue;
      const nodes = entry.rule.resourceNames.length > 0 ? 'the named nodes' : 'every node';
      report({
        message:
          `${entry.label} allows ${listText(verbs)} on nodes/proxy: whoever holds it can use the kubelet API of ` +
          `${nodes}, including running commands in any of their containers, outside the API server audit log.`,
        path: resourceItemPath(entry, 'nodes/proxy'),
        key: String(entry.index),
      });
    }
  },
});
