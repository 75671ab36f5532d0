import rule from '../../../src/rules/rbac/rbac-nodes-proxy.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for the fine-grained kubelet subresources, Roles (nodes are cluster-scoped) and full wildcards',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: metrics-reader
      rules:
        - apiGroups: [""]
          resources: ["nodes", "nodes/metrics", "nodes/stats", "nodes/pods"]
          verbs: ["get", "list"]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: ineffective
        namespace: monitoring
      rules:
        - apiGroups: [""]
          resources: ["nodes/proxy"]
          verbs: ["get"]
    `,
    expected: [],
  },
  {
    name: 'reports get on nodes/proxy (enough for exec through a WebSocket GET)',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: prometheus
      rules:
        - apiGroups: [""]
          resources:
            - nodes
            - nodes/proxy
            - nodes/metrics
          verbs: ["get", "list", "watch"]
    `,
    expected: [
      {
        line: 9,
        column: 9,
        severity: 'high',
        message:
          'ClusterRole "prometheus" rules[0] allows get on nodes/proxy: whoever holds it can use the kubelet API of every node, including running commands',
      },
    ],
  },
  {
    name: 'reports named nodes and "*" resources',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: node-debug
      rules:
        - apiGroups: [""]
          resources: ["nodes/proxy"]
          resourceNames: ["gpu-node-1"]
          verbs: ["create", "get"]
        - apiGroups: [""]
          resources: ["*"]
          verbs: ["get"]
    `,
    expected: [
      {
        line: 7,
        column: 17,
        severity: 'high',
        message:
          'allows get and create on nodes/proxy: whoever holds it can use the kubelet API of the named nodes',
      },
      { line: 11, column: 17, severity: 'high', message: 'rules[1] allows get on nodes/proxy' },
    ],
  },
];

describe('rbac-nodes-proxy', () => {
  testRuleCases(rule, cases);
});
