import rule from '../../../src/rules/ai/mcp-unpinned-package.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'npx: reports unpinned, latest and range specs at the element; exact versions pass',
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
          - name: latest
            image: node:22
            command: [npx]
            args: [--yes, "@playwright/mcp@latest", --headless]
          - name: range
            image: node:22
            command: [npx, -y, "mcp-remote@^0.1.0", "https://example.com/mcp"]
          - name: pinned
            image: node:22
            command: [npx, -y, "@modelcontextprotocol/server-filesystem@2025.8.21", /data]
    `,
    expected: [
      {
        line: 9,
        column: 26,
        container: 'github',
        message:
          'Container "github" of the MCP server Pod "npx" (runs MCP package "@modelcontextprotocol/server-github") fetches "npx @modelcontextprotocol/server-github" without an exact version, so the npm registry decides',
      },
      { line: 13, column: 21, container: 'latest', message: '"npx @playwright/mcp@latest"' },
      { line: 16, column: 26, container: 'range', message: '"npx mcp-remote@^0.1.0"' },
    ],
  },
  {
    name: 'uvx and uv tool run: ==, @version and --from pins pass; --with packages are checked too',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: uvx
      spec:
        containers:
          - name: fetch
            image: ghcr.io/astral-sh/uv:python3.12-alpine
            command: [uvx, "mcp-server-fetch==2025.4.7"]
          - name: time
            image: ghcr.io/astral-sh/uv:python3.12-alpine
            command: [uvx, "mcp-server-time@2025.8.4", --local-timezone, UTC]
          - name: git
            image: ghcr.io/astral-sh/uv:python3.12-alpine
            command: [uv, tool, run, --from, "mcp-server-git==2025.7.1", --with, "gitpython,rich==13.9.4", mcp-server-git]
          - name: aws
            image: ghcr.io/astral-sh/uv:python3.12-alpine
            command: [uvx, --python, "3.12", awslabs.aws-documentation-mcp-server]
    `,
    expected: [
      { line: 15, container: 'git', message: '"uv tool run gitpython"' },
      { line: 18, container: 'aws', message: '"uvx awslabs.aws-documentation-mcp-server"' },
    ],
  },
  {
    name: 'sh -c scripts: one finding per unpinned package, requirement files and hash mode are not judged',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: agent
      spec:
        template:
          metadata:
            labels: {app.kubernetes.io/component: mcp-server}
          spec:
            initContainers:
              - name: deps
                image: python:3.12
                command:
                  - /bin/sh
                  - -ec
                  - |
                    pip install --no-cache-dir "mcp[cli]==1.13.0" httpx 'pydantic>=2'
                    pip install -r requirements.txt
                    python -m pip install --require-hashes -r locked.txt
            containers:
              - name: agent
                image: python:3.12
                command: [python, -m, server]
    `,
    expected: [
      { line: 16, column: 15, container: 'deps', message: '"pip install httpx"' },
      { line: 16, column: 15, container: 'deps', message: '"pip install pydantic>=2"' },
    ],
  },
  {
    name: 'pipx run --spec, npm exec -p and npm install -g are checked',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: mixed
      spec:
        containers:
          - name: pipx
            image: python:3.12
            command: [pipx, run, --spec, mcp-proxy, mcp-proxy, --port, "8080"]
          - name: exec
            image: node:22
            command: [npm, exec, -y, -p, "@modelcontextprotocol/server-everything@2025.8.18", --, mcp-server-everything]
          - name: global
            image: node:22
            command: [sh, -c, "npm install -g supergateway && supergateway --stdio 'npx -y @modelcontextprotocol/server-memory'"]
    `,
    expected: [
      { line: 9, container: 'pipx', message: '"pipx run mcp-proxy"' },
      { line: 15, container: 'global', message: '"npm install supergateway"' },
    ],
  },
  {
    name: 'kagent MCPServer (kmcp npx-deploy output) and BYO Agent: cmd and args are read',
    yaml: yaml`
      apiVersion: kagent.dev/v1alpha1
      kind: MCPServer
      metadata:
        name: github
      spec:
        deployment:
          image: docker.io/mcp/everything
          port: 3000
          cmd: npx
          args: ["@modelcontextprotocol/server-github"]
        transportType: stdio
      ---
      apiVersion: kagent.dev/v1alpha2
      kind: Agent
      metadata:
        name: byo
      spec:
        type: BYO
        byo:
          deployment:
            image: python:3.12
            cmd: uvx
            args: [my-agent-mcp]
    `,
    expected: [
      {
        line: 10,
        column: 12,
        message: 'The MCP server MCPServer "github" fetches "npx @modelcontextprotocol/server-github"',
      },
      {
        line: 23,
        message: 'The agent Agent "byo" fetches "uvx my-agent-mcp" without an exact version, so PyPI decides',
      },
    ],
  },
  {
    name: 'ToolHive protocol-scheme images: npx://, uvx:// and go:// need an exact version',
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: a
      spec:
        image: npx://@modelcontextprotocol/server-everything
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: b
      spec:
        image: uvx://mcp-server-fetch@2025.4.7
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: c
      spec:
        image: go://github.com/example/mcp-server@latest
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: d
      spec:
        image: go://github.com/example/mcp-server@v1.4.2
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: e
      spec:
        image: ghcr.io/github/github-mcp-server:v0.9.0
    `,
    expected: [
      { line: 6, column: 3, message: '"npx://@modelcontextprotocol/server-everything"' },
      {
        line: 20,
        message:
          '"go://github.com/example/mcp-server@latest" without an exact version, so the Go module proxy',
      },
    ],
  },
  {
    name: 'does not judge non-agents, templated specs, local paths, git or URL specs',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: build
      spec:
        containers:
          - name: lint
            image: node:22
            command: [npx, -y, eslint]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: agent
      spec:
        containers:
          - name: mcp
            image: mcp/fetch
          - name: tools
            image: node:22
            command:
              - sh
              - -c
              - >-
                npx -y "my-mcp@\${VERSION}" && npx ./local-server &&
                uvx --from git+https://github.com/acme/tool tool && pip install ./wheels/tool.whl
    `,
    expected: [],
  },
];

describe('mcp-unpinned-package', () => {
  testRuleCases(rule, cases);
});
