import type { Severity } from '../../types.js';
import { apiGroup } from '../../model/workload.js';
import { asObject } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { isSharedTenancy, tenancyOf } from '../shared/context.js';
import { AI_TAG, SOURCES, TOOLHIVE_GROUP } from './common.js';
import { configMapProfileAllowsAll, toolhiveProfile } from './toolhive.js';

/** AI-005: a ToolHive MCPServer allowed to connect anywhere. */
export default defineRule({
  meta: {
    id: 'toolhive-network-permission',
    title: 'ToolHive MCP server with the network permission profile',
    severity: 'medium',
    category: 'network',
    description:
      'A ToolHive `MCPServer` (toolhive.stacklok.dev) allows all outbound connections: `spec.permissionProfile` is ' +
      '`{type: builtin, name: network}`, or a `configmap` profile whose JSON (ConfigMap in the scan, same namespace; ' +
      'the named `key`, else every key) sets `network.outbound.insecure_allow_all: true`, in a namespace of tenancy ' +
      '`multi` or `untrusted` (config `namespaces.<ns>.tenancy` or the `shiftdown.dev/tenancy` label of a scanned ' +
      'Namespace): medium, high for `untrusted`. An MCPServer without `permissionProfile` is reported too, because ' +
      'ToolHive then applies its default profile, which its architecture documentation lists as `network`: with the ' +
      'severity above in shared namespaces, low elsewhere. The `none` profile, untrusted mode (`spec.untrusted: ' +
      'true`, whose `egressPolicy` confines egress) and templated values are not reported.',
    rationale:
      'ToolHive documents the built-in `network` profile as full outbound access (`insecure_allow_all`), and its ' +
      'operator derives the MCP server\u2019s egress NetworkPolicy from `spec.permissionProfile`. With `network` the ' +
      'server, and whatever a prompt injection or a malicious package makes it do, can reach the internet, other ' +
      'tenants\u2019 services and the metadata endpoint (OWASP Agentic Top 10 ASI02 Tool Misuse, ASI10 Rogue Agents). ' +
      'In a namespace shared by several tenants that turns one tenant\u2019s MCP server into a pivot into the others.',
    sources: [
      SOURCES.toolhivePermissions,
      SOURCES.toolhiveCrd,
      SOURCES.toolhiveUntrusted,
      {
        title: 'ToolHive: Custom permissions',
        url: 'https://docs.stacklok.com/toolhive/guides-cli/custom-permissions',
      },
      SOURCES.owaspAgentic,
    ],
    remediation:
      'Use the `none` profile, or a ConfigMap profile that lists the hosts and ports the server needs:\n\n' +
      '```yaml\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata:\n  name: fetch\nspec:\n' +
      '  image: ghcr.io/stackloklabs/gofetch/server:1.0.1\n  permissionProfile:\n    type: configmap\n' +
      '    name: fetch-profile\n    key: profile.json\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n' +
      '  name: fetch-profile\ndata:\n  profile.json: |\n    {"network": {"outbound": {"allow_host": ["api.example.com"], ' +
      '"allow_port": [443]}}}\n```',
    tags: [AI_TAG, 'network', 'toolhive'],
  },
  match: { kinds: ['MCPServer'] },
  crossResource: true,
  check({ resource, settings, index, report }) {
    if (apiGroup(resource.apiVersion) !== TOOLHIVE_GROUP) return;
    if (asObject(resource.object.spec)?.untrusted === true) return;
    const profile = toolhiveProfile(resource);
    const tenancy = tenancyOf(resource.namespace, settings, index);
    const shared = isSharedTenancy(tenancy);
    const sharedSeverity: Severity = tenancy === 'untrusted' ? 'high' : 'medium';
    const where = shared ? ` in the ${tenancy}-tenant namespace "${resource.namespace}"` : '';
    const name = `MCPServer "${resource.name ?? '(unnamed)'}"`;
    const consequence =
      'its tools can connect to any host, including the internet, other tenants\u2019 services and the metadata endpoint';
    if (profile.kind === 'absent') {
      report({
        message: `${name}${where} sets no permissionProfile, so ToolHive applies its default profile, which its documentation lists as "network" (all outbound connections): ${consequence}.`,
        path: profile.path,
        severity: shared ? sharedSeverity : 'low',
      });
      return;
    }
    if (!shared) return;
    if (profile.kind === 'network') {
      report({
        message: `${name}${where} uses the builtin "network" permission profile, so ${consequence}.`,
        path: profile.path,
        severity: sharedSeverity,
      });
    } else if (profile.kind === 'configmap' && configMapProfileAllowsAll(index, resource, profile) === true) {
      report({
        message: `${name}${where} uses the permission profile of ConfigMap "${profile.name}", which sets insecure_allow_all, so ${consequence}.`,
        path: profile.path,
        severity: sharedSeverity,
      });
    }
  },
});
