import rule from '../../../src/rules/ai/ai-agent-egress-unrestricted.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const DENY_ALL_EGRESS = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
    namespace: agents
  spec:
    podSelector: {}
    policyTypes: [Egress]
    egress:
      - ports:
          - {port: 53, protocol: UDP}
`;

const cases: RuleCase[] = [
  {
    name: 'ignores ordinary workloads, whatever their egress',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27
    `,
    expected: [],
  },
  {
    name: 'does not mistake images that merely contain the letters mcp for MCP servers',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: games
      spec:
        template:
          spec:
            containers:
              - name: bedrock
                image: itzg/mcpe-server:latest
              - name: web
                image: ghcr.io/mcp-team/webapp:1.0
              - name: shop
                image: mcp.example.com/shop/frontend:2
              - name: tool
                image: acme/webmcp:1
              - name: templated
                image: \${MCP_IMAGE}
    `,
    expected: [],
  },
  {
    name: 'reports an MCP server image without any egress policy, at the pod template metadata',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: github-mcp
        namespace: agents
      spec:
        template:
          metadata:
            labels: {app: github-mcp}
          spec:
            containers:
              - name: mcp
                image: ghcr.io/github/github-mcp-server:v0.9.0
    `,
    expected: [
      {
        line: 8,
        column: 5,
        message:
          'The MCP server Deployment "github-mcp" (image "ghcr.io/github/github-mcp-server:v0.9.0") is not isolated for egress',
      },
    ],
  },
  {
    name: 'passes when a default-deny egress policy selects the pods (DNS only)',
    yaml: `${DENY_ALL_EGRESS}---\n${yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: fetch
        namespace: agents
      spec:
        template:
          metadata:
            labels: {app.kubernetes.io/component: mcp-server}
          spec:
            containers:
              - name: fetch
                image: python:3.12
    `}`,
    expected: [],
  },
  {
    name: 'reports a policy that isolates the pods but allows 0.0.0.0/0',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: agent-egress
        namespace: agents
      spec:
        podSelector:
          matchLabels: {app: docs}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: docs
        namespace: agents
      spec:
        template:
          metadata:
            labels: {app: docs}
          spec:
            containers:
              - name: docs
                image: mcp/fetch:latest
    `,
    expected: [{ line: 21, message: 'NetworkPolicy "agent-egress" allows 0.0.0.0/0' }],
  },
  {
    name: 'recognises npx and uvx MCP packages in command, args and sh -c scripts',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: npx
      spec:
        containers:
          - name: github
            image: node:22
            command: [npx, -y, "@modelcontextprotocol/server-github"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: uvx
      spec:
        containers:
          - name: git
            image: ghcr.io/astral-sh/uv:python3.12-alpine
            command: [sh, -c]
            args: ["uvx mcp-server-git --repository /repo"]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: not-mcp
      spec:
        containers:
          - name: lint
            image: node:22
            command: [npx, -y, eslint]
    `,
    expected: [
      { line: 3, message: 'runs MCP package "@modelcontextprotocol/server-github"' },
      { line: 13, message: 'runs MCP package "mcp-server-git"' },
    ],
  },
  {
    name: 'needs an AI hint before trusting app.kubernetes.io/component: agent (Datadog, SPIRE, … use it too)',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: datadog
      spec:
        template:
          metadata:
            labels: {app.kubernetes.io/component: agent}
          spec:
            containers:
              - name: agent
                image: gcr.io/datadoghq/agent:7
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: support-bot
      spec:
        template:
          metadata:
            labels: {app.kubernetes.io/component: agent}
          spec:
            containers:
              - name: bot
                image: acme/support-bot:3
                env:
                  - name: OPENAI_API_KEY
                    valueFrom:
                      secretKeyRef: {name: openai, key: key}
    `,
    expected: [
      { line: 20, message: 'agent Deployment "support-bot" (label app.kubernetes.io/component=agent)' },
    ],
  },
  {
    name: 'reports hostNetwork agents at the field: network policies do not apply',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: host
      spec:
        hostNetwork: true
        containers:
          - name: mcp
            image: mcp/kubernetes:latest
    `,
    expected: [{ line: 6, column: 3, message: 'uses hostNetwork, so no network policy applies' }],
  },
  {
    name: 'checks CronJob templates and List items; skips PodTemplate objects',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 2 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                  - name: agent
                    image: ghcr.io/acme/report-mcp-server:1.0
      ---
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: listed
          spec:
            containers:
              - name: mcp
                image: mcp/time:latest
        - apiVersion: v1
          kind: PodTemplate
          metadata:
            name: template
          template:
            spec:
              containers:
                - name: mcp
                  image: mcp/time:latest
    `,
    expected: [
      { line: 9, column: 7, message: 'CronJob "nightly"' },
      { line: 20, column: 5, message: 'Pod "listed"' },
    ],
  },
  {
    name: 'ToolHive MCPServer: reported without a profile and without a namespace-wide egress policy',
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1alpha1
      kind: MCPServer
      metadata:
        name: github
        namespace: agents
      spec:
        image: ghcr.io/github/github-mcp-server
        transport: stdio
    `,
    expected: [{ line: 6, column: 1, message: 'MCP server MCPServer "github" is not isolated for egress' }],
  },
  {
    name: 'ToolHive MCPServer: a namespace-wide default-deny egress policy covers the operator-made pods',
    yaml: `${DENY_ALL_EGRESS}---\n${yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: github
        namespace: agents
      spec:
        image: ghcr.io/github/github-mcp-server
    `}`,
    expected: [],
  },
  {
    name: 'ToolHive MCPServer: quiet when a policy may select the pods by operator labels, or the profile confines egress',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: github-mcp
        namespace: agents
      spec:
        podSelector:
          matchLabels: {app.kubernetes.io/instance: github}
        policyTypes: [Egress]
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: github
        namespace: agents
      spec:
        image: ghcr.io/github/github-mcp-server
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: fetch
        namespace: tools
      spec:
        image: ghcr.io/stackloklabs/gofetch/server
        permissionProfile: {type: builtin, name: none}
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: time
        namespace: tools
      spec:
        image: mcp/time
        permissionProfile: {type: builtin, name: network}
    `,
    expected: [{ line: 33, message: 'MCPServer "time"' }],
  },
  {
    name: 'ToolHive MCPServer: a ConfigMap profile with insecure_allow_all does not confine egress; an allow-list does',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: open
        namespace: tools
      data:
        p.json: '{"network": {"outbound": {"insecure_allow_all": true}}}'
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: narrow
        namespace: tools
      data:
        p.json: '{"network": {"outbound": {"allow_host": ["api.example.com"]}}}'
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: open
        namespace: tools
      spec:
        image: mcp/fetch
        permissionProfile: {type: configmap, name: open, key: p.json}
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: narrow
        namespace: tools
      spec:
        image: mcp/fetch
        permissionProfile: {type: configmap, name: narrow, key: p.json}
    `,
    expected: [{ line: 22, message: 'MCPServer "open"' }],
  },
  {
    name: 'kagent Agent and MCPServer without egress policies, at their deployment spec',
    yaml: yaml`
      apiVersion: kagent.dev/v1alpha2
      kind: Agent
      metadata:
        name: k8s-agent
        namespace: kagent
      spec:
        type: Declarative
        declarative:
          systemMessage: You are a Kubernetes expert.
          deployment:
            replicas: 1
      ---
      apiVersion: kagent.dev/v1alpha1
      kind: MCPServer
      metadata:
        name: everything
      spec:
        deployment:
          image: docker.io/mcp/everything
          cmd: npx
          args: ["@modelcontextprotocol/server-github"]
        transportType: stdio
    `,
    expected: [
      { line: 10, column: 5, message: 'agent Agent "k8s-agent"' },
      { line: 18, column: 3, message: 'MCP server MCPServer "everything"' },
    ],
  },
  {
    name: 'ignores MCPServer kinds of other API groups',
    yaml: yaml`
      apiVersion: example.com/v1
      kind: MCPServer
      metadata:
        name: other
      spec:
        image: mcp/time
    `,
    expected: [],
  },
];

describe('ai-agent-egress-unrestricted', () => {
  testRuleCases(rule, cases);
});
