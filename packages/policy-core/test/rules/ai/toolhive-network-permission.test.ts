import rule from '../../../src/rules/ai/toolhive-network-permission.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const SHARED = { namespaceTenancy: { tenants: 'multi' as const, wild: 'untrusted' as const } };

const cases: RuleCase[] = [
  {
    name: 'reports the builtin network profile in a multi-tenant namespace, at its name',
    settings: SHARED,
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: fetch
        namespace: tenants
      spec:
        image: ghcr.io/stackloklabs/gofetch/server
        permissionProfile:
          type: builtin
          name: network
    `,
    expected: [
      {
        line: 10,
        column: 5,
        severity: 'medium',
        message:
          'MCPServer "fetch" in the multi-tenant namespace "tenants" uses the builtin "network" permission profile',
      },
    ],
  },
  {
    name: 'is high in an untrusted namespace (tenancy from a Namespace label); type defaults to builtin',
    yaml: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: wild
        labels: {shiftdown.dev/tenancy: untrusted}
      ---
      apiVersion: toolhive.stacklok.dev/v1alpha1
      kind: MCPServer
      metadata:
        name: fetch
        namespace: wild
      spec:
        image: mcp/fetch
        permissionProfile: {name: network}
    `,
    expected: [{ line: 14, severity: 'high', message: 'untrusted-tenant namespace "wild"' }],
  },
  {
    name: 'passes the network profile in single-tenant or unlabelled namespaces, and the none profile anywhere',
    settings: SHARED,
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: fetch
        namespace: team-a
      spec:
        image: mcp/fetch
        permissionProfile: {type: builtin, name: network}
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: time
        namespace: tenants
      spec:
        image: mcp/time
        permissionProfile: {type: builtin, name: none}
    `,
    expected: [],
  },
  {
    name: 'reports a missing profile: low in ordinary namespaces, with the shared severity in shared ones',
    settings: SHARED,
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: github
        namespace: team-a
      spec:
        image: ghcr.io/github/github-mcp-server
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: github
        namespace: tenants
      spec:
        image: ghcr.io/github/github-mcp-server
    `,
    expected: [
      {
        line: 6,
        column: 1,
        severity: 'low',
        message: 'sets no permissionProfile, so ToolHive applies its default profile',
      },
      {
        line: 14,
        severity: 'medium',
        message: 'in the multi-tenant namespace "tenants" sets no permissionProfile',
      },
    ],
  },
  {
    name: 'reads configmap profiles from the scan: insecure_allow_all is reported, allow-lists pass',
    settings: SHARED,
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: open
        namespace: tenants
      data:
        profile.json: '{"network": {"outbound": {"insecure_allow_all": true}}}'
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: narrow
        namespace: tenants
      data:
        profile.json: '{"network": {"outbound": {"allow_host": ["api.github.com"], "allow_port": [443]}}}'
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: a
        namespace: tenants
      spec:
        image: mcp/fetch
        permissionProfile: {type: configmap, name: open, key: profile.json}
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: b
        namespace: tenants
      spec:
        image: mcp/fetch
        permissionProfile: {type: configmap, name: narrow, key: profile.json}
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: c
        namespace: tenants
      spec:
        image: mcp/fetch
        permissionProfile: {type: configmap, name: not-in-scan}
    `,
    expected: [
      {
        line: 24,
        column: 3,
        message: 'uses the permission profile of ConfigMap "open", which sets insecure_allow_all',
      },
    ],
  },
  {
    name: 'skips untrusted mode, templated profiles, other API groups and kagent MCPServers',
    settings: SHARED,
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: untrusted
        namespace: tenants
      spec:
        image: ghcr.io/example/github-mcp
        untrusted: true
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: templated
        namespace: tenants
      spec:
        image: mcp/fetch
        permissionProfile: {type: builtin, name: "\${profile}"}
      ---
      apiVersion: kagent.dev/v1alpha1
      kind: MCPServer
      metadata:
        name: kagent
        namespace: tenants
      spec:
        deployment: {image: mcp/everything}
    `,
    expected: [],
  },
];

describe('toolhive-network-permission', () => {
  testRuleCases(rule, cases);
});
