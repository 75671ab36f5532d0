import { agentTargetOf, isMcpImage } from '../../../src/rules/ai/common.js';
import { runRules, yaml } from '../harness.js';

describe('isMcpImage', () => {
  it.each([
    ['mcp/fetch', true],
    ['docker.io/mcp/github:latest', true],
    ['index.docker.io/mcp/time', true],
    ['ghcr.io/github/github-mcp-server:v0.9.0', true],
    ['ghcr.io/containers/kubernetes-mcp-server@sha256:abc', true],
    ['quay.io/acme/mcp-proxy:1', true],
    ['acme/playwright_mcp', true],
    ['ghcr.io/modelcontextprotocol/servers/fetch:1', true],
    ['itzg/mcpe-server', false],
    ['ghcr.io/mcp-team/webapp', false],
    ['mcp.example.com/shop/web', false],
    ['mcp/a/b', false],
    ['acme/webmcp', false],
    ['ghcr.io/stacklok/toolhive/vmcp:0.4', false],
    ['${REGISTRY}/mcp/fetch', false],
    ['nginx', false],
  ])('%s → %s', (image, expected) => {
    expect(isMcpImage(image)).toBe(expected);
  });
});

describe('agentTargetOf', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: labelled
      labels: {app.kubernetes.io/component: mcp-server}
    spec:
      containers:
        - name: a
          image: acme/tools
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: debug-only
    spec:
      containers:
        - name: a
          image: nginx
      ephemeralContainers:
        - name: dbg
          image: mcp/fetch
    ---
    apiVersion: toolhive.stacklok.dev/v1beta1
    kind: VirtualMCPServer
    metadata:
      name: gw
    spec:
      podTemplateSpec:
        metadata:
          labels: {team: a}
        spec:
          containers:
            - name: vmcp
              image: ghcr.io/stacklok/toolhive/vmcp
    ---
    apiVersion: kagent.dev/v1alpha2
    kind: Agent
    metadata:
      name: agent
    spec:
      type: BYO
      byo:
        deployment:
          image: acme/agent
          cmd: python
          args: [agent.py]
  `;
  const resources = runRules([], text).resources;

  it.each<[string, string | undefined]>([
    ['labelled', 'workload mcp-server label app.kubernetes.io/component=mcp-server'],
    ['debug-only', undefined],
    ['gw', 'toolhive-vmcp mcp-server ToolHive VirtualMCPServer'],
    ['agent', 'kagent-agent agent kagent Agent'],
  ])('%s', (name, expected) => {
    const resource = resources.find((r) => r.name === name)!;
    const target = agentTargetOf(resource);
    expect(target && `${target.source} ${target.role} ${target.evidence}`).toEqual(expected);
  });

  it('builds the ToolHive pod template and the kagent command line', () => {
    const gw = agentTargetOf(resources.find((r) => r.name === 'gw')!)!;
    expect(gw.workload?.podSpecPath).toEqual(['spec', 'podTemplateSpec', 'spec']);
    expect(gw.podLabels).toBeUndefined();
    const agent = agentTargetOf(resources.find((r) => r.name === 'agent')!)!;
    expect(agent.launches[0]!.words.map((w) => `${w.text}@${w.path.join('.')}`)).toEqual([
      'python@spec.byo.deployment.cmd',
      'agent.py@spec.byo.deployment.args.0',
    ]);
  });
});
