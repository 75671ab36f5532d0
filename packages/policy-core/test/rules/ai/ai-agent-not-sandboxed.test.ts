import rule from '../../../src/rules/ai/ai-agent-not-sandboxed.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a sandbox runtime class or a user namespace',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: gvisor
      spec:
        template:
          spec:
            runtimeClassName: gvisor
            containers:
              - name: mcp
                image: mcp/fetch
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: kata
      spec:
        runtimeClassName: kata-qemu
        containers:
          - name: mcp
            image: mcp/fetch
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: userns
      spec:
        hostUsers: false
        containers:
          - name: mcp
            image: mcp/fetch
    `,
    expected: [],
  },
  {
    name: 'ignores ordinary workloads',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports the default runtime at the pod spec, and a non-sandbox class at runtimeClassName',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: github-mcp
      spec:
        template:
          spec:
            containers:
              - name: mcp
                image: ghcr.io/github/github-mcp-server
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: runc
      spec:
        runtimeClassName: runc
        hostUsers: true
        containers:
          - name: mcp
            image: mcp/git
    `,
    expected: [
      { line: 7, column: 5, message: 'runs with the default runtime and without hostUsers: false' },
      { line: 17, column: 3, message: 'runtime class "runc", which is not a sandbox' },
    ],
  },
  {
    name: 'honours configured sandbox runtime classes',
    settings: { sandboxRuntimeClasses: ['secure-*'] },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        runtimeClassName: secure-vm
        containers:
          - name: mcp
            image: mcp/git
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        runtimeClassName: gvisor
        containers:
          - name: mcp
            image: mcp/git
    `,
    expected: [{ line: 16, message: 'runtime class "gvisor", which is not a sandbox' }],
  },
  {
    name: 'skips templated values, Windows pods and untrusted namespaces (untrusted-workload-not-sandboxed owns them)',
    settings: { namespaceTenancy: { sandbox: 'untrusted' } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: templated
      spec:
        runtimeClassName: "\${runtimeClass}"
        containers:
          - name: mcp
            image: mcp/git
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: windows
      spec:
        os: {name: windows}
        containers:
          - name: mcp
            image: acme/windows-mcp-server
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: tenant
        namespace: sandbox
      spec:
        containers:
          - name: mcp
            image: mcp/git
    `,
    expected: [],
  },
  {
    name: 'ToolHive MCPServer: judged on podTemplateSpec, reported at spec without one',
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: bare
      spec:
        image: mcp/fetch
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: sandboxed
      spec:
        image: mcp/fetch
        podTemplateSpec:
          spec:
            runtimeClassName: gvisor
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: partial
      spec:
        image: mcp/fetch
        podTemplateSpec:
          spec:
            containers:
              - name: mcp
                resources: {limits: {memory: 256Mi}}
    `,
    expected: [
      { line: 5, column: 1, message: 'MCP server MCPServer "bare" runs with the default runtime' },
      { line: 25, column: 5, message: 'MCPServer "partial"' },
    ],
  },
  {
    name: 'does not check VirtualMCPServer or kagent resources (no fields to set)',
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: VirtualMCPServer
      metadata:
        name: gateway
      spec:
        incomingAuth: {type: oidc}
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
    name: 'checks init and sidecar-run MCP servers in CronJobs',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: sync
      spec:
        schedule: "@hourly"
        jobTemplate:
          spec:
            template:
              spec:
                initContainers:
                  - name: mcp
                    image: node:22
                    restartPolicy: Always
                    args: [npx, -y, "@playwright/mcp"]
                containers:
                  - name: job
                    image: busybox
    `,
    expected: [{ line: 10, column: 9, message: 'CronJob "sync" (runs MCP package "@playwright/mcp")' }],
  },
];

describe('ai-agent-not-sandboxed', () => {
  testRuleCases(rule, cases);
});
