import rule from '../../../src/rules/ai/ai-agent-over-privileged.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const K8S_MCP = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: k8s-mcp
    namespace: agents
  spec:
    template:
      spec:
        serviceAccountName: k8s-mcp
        containers:
          - name: mcp
            image: ghcr.io/containers/kubernetes-mcp-server:v0.0.50
`;

const cases: RuleCase[] = [
  {
    name: 'reports cluster-admin through a ClusterRoleBinding as critical, at serviceAccountName',
    yaml: `${K8S_MCP}---\n${yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: k8s-mcp-admin
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: k8s-mcp
          namespace: agents
    `}`,
    expected: [
      {
        line: 9,
        column: 7,
        severity: 'critical',
        message:
          'runs as ServiceAccount "k8s-mcp": ClusterRoleBinding "k8s-mcp-admin" (ClusterRole "cluster-admin") grants cluster-admin',
      },
    ],
  },
  {
    name: 'namespaced Secrets read through a RoleBinding is high; harmless grants pass',
    yaml: `${K8S_MCP}---\n${yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: reader
        namespace: agents
      rules:
        - apiGroups: [""]
          resources: [secrets, configmaps]
          verbs: [get, list]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: k8s-mcp-reader
        namespace: agents
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: Role
        name: reader
      subjects:
        - kind: ServiceAccount
          name: k8s-mcp
    `}`,
    expected: [
      {
        line: 9,
        severity: 'high',
        message: 'RoleBinding "agents/k8s-mcp-reader" (Role "reader") grants secrets (get, list)',
      },
    ],
  },
  {
    name: 'passes when the grants are not dangerous or belong to another namespace',
    yaml: `${K8S_MCP}---\n${yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: k8s-mcp-view
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: view
      subjects:
        - kind: ServiceAccount
          name: k8s-mcp
          namespace: agents
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: other-admin
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: k8s-mcp
          namespace: elsewhere
    `}`,
    expected: [],
  },
  {
    name: 'lowers to medium when the token is not mounted, and lists every binding',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tools
        namespace: agents
      spec:
        automountServiceAccountToken: false
        containers:
          - name: mcp
            image: mcp/kubernetes
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: editors
        namespace: agents
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: edit
      subjects:
        - kind: Group
          name: system:serviceaccounts:agents
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: impersonators
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: impersonator
      subjects:
        - kind: User
          name: system:serviceaccount:agents:default
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: impersonator
      rules:
        - apiGroups: [""]
          resources: [users]
          verbs: [impersonate]
    `,
    expected: [
      {
        line: 6,
        column: 1,
        severity: 'medium',
        message: 'RoleBinding "agents/editors" (ClusterRole "edit") grants',
      },
    ],
  },
  {
    name: 'ignores workloads that are not agents',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: operator
      spec:
        serviceAccountName: ops
        containers:
          - name: op
            image: acme/operator
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: ops
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: ops
    `,
    expected: [],
  },
  {
    name: 'kagent Agent: the ServiceAccount named after the agent, or deployment.serviceAccountName',
    yaml: yaml`
      apiVersion: kagent.dev/v1alpha2
      kind: Agent
      metadata:
        name: k8s-agent
        namespace: kagent
      spec:
        type: Declarative
        declarative:
          systemMessage: You manage the cluster.
      ---
      apiVersion: kagent.dev/v1alpha2
      kind: Agent
      metadata:
        name: byo
        namespace: kagent
      spec:
        type: BYO
        byo:
          deployment:
            image: acme/agent:1
            serviceAccountName: byo-sa
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: kagent-admins
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: k8s-agent
          namespace: kagent
        - kind: ServiceAccount
          name: byo-sa
          namespace: kagent
    `,
    expected: [
      { line: 6, severity: 'critical', message: 'the ServiceAccount kagent creates for it ("k8s-agent")' },
      { line: 21, column: 7, severity: 'critical', message: 'ServiceAccount "byo-sa"' },
    ],
  },
  {
    name: 'ToolHive: spec.serviceAccount is checked; operator-created accounts are not known',
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: k8s
        namespace: tools
      spec:
        image: ghcr.io/containers/kubernetes-mcp-server
        serviceAccount: k8s-tools
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: fetch
        namespace: tools
      spec:
        image: mcp/fetch
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: exec
        namespace: tools
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: Role
        name: exec
      subjects:
        - kind: ServiceAccount
          name: k8s-tools
        - kind: Group
          name: system:serviceaccounts
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: exec
        namespace: tools
      rules:
        - apiGroups: [""]
          resources: [pods/exec]
          verbs: [create]
    `,
    expected: [{ line: 8, column: 3, severity: 'high', message: 'pods/exec (create)' }],
  },
];

describe('ai-agent-over-privileged', () => {
  testRuleCases(rule, cases);
});
