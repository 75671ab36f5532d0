import rule from '../../../src/rules/ai/ai-agent-token-automount.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'reports an MCP pod that keeps the default automount, at the pod spec',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: fetch
        namespace: agents
      spec:
        template:
          spec:
            containers:
              - name: fetch
                image: mcp/fetch:latest
    `,
    expected: [
      {
        line: 8,
        column: 5,
        severity: 'high',
        message:
          'does not disable the automount and the namespace\u2019s "default" ServiceAccount is not in the scan, so its API token',
      },
    ],
  },
  {
    name: 'passes when the pod or its ServiceAccount disables the automount',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        automountServiceAccountToken: false
        containers:
          - name: mcp
            image: mcp/fetch
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: quiet
      automountServiceAccountToken: false
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: quiet
        containers:
          - name: mcp
            image: mcp/fetch
    `,
    expected: [],
  },
  {
    name: 'the pod value wins over the ServiceAccount (reported at the pod field)',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: quiet
      automountServiceAccountToken: false
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: quiet
        automountServiceAccountToken: true
        containers:
          - name: mcp
            image: mcp/fetch
    `,
    expected: [
      {
        line: 13,
        column: 3,
        message: 'sets automountServiceAccountToken: true, so the API token of ServiceAccount "quiet"',
      },
    ],
  },
  {
    name: 'reports a ServiceAccount in the scan that does not disable it',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: mcp
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: mcp
        containers:
          - name: mcp
            image: node:22
            command: [npx, -y, "@modelcontextprotocol/server-filesystem", /data]
    `,
    expected: [{ line: 10, message: 'does not disable the automount and neither does ServiceAccount "mcp"' }],
  },
  {
    name: 'a binding to the ServiceAccount declares the need (ai-agent-over-privileged judges it); group bindings do not',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: k8s
        namespace: agents
      spec:
        serviceAccountName: k8s-mcp
        containers:
          - name: mcp
            image: mcp/kubernetes
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: other
        namespace: agents
      spec:
        serviceAccountName: other
        containers:
          - name: mcp
            image: mcp/time
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: k8s-mcp
        namespace: agents
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: view
      subjects:
        - kind: ServiceAccount
          name: k8s-mcp
        - kind: Group
          name: system:serviceaccounts:agents
    `,
    expected: [{ line: 17, message: 'Pod "other"' }],
  },
  {
    name: 'passes with a projected token volume, templated values, other kinds and non-agents',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: projected
      spec:
        containers:
          - name: mcp
            image: mcp/fetch
        volumes:
          - name: token
            projected:
              sources:
                - serviceAccountToken: {path: token, audience: vault}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: templated
      spec:
        automountServiceAccountToken: "\${automount}"
        containers:
          - name: mcp
            image: mcp/fetch
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: nginx
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: fetch
      spec:
        image: mcp/fetch
      ---
      apiVersion: kagent.dev/v1alpha2
      kind: Agent
      metadata:
        name: helper
      spec:
        type: Declarative
        declarative: {systemMessage: hi}
    `,
    expected: [],
  },
  {
    name: 'checks CronJob pods',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: digest
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              metadata:
                labels: {app.kubernetes.io/component: mcp-server}
              spec:
                restartPolicy: Never
                containers:
                  - name: run
                    image: acme/digest:1
    `,
    expected: [
      { line: 12, column: 9, message: 'CronJob "digest" (label app.kubernetes.io/component=mcp-server)' },
    ],
  },
];

describe('ai-agent-token-automount', () => {
  testRuleCases(rule, cases);
});
