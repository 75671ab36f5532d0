import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { isTemplatedText } from '../../model/image.js';
import { asObject, asString, isSet } from '../../model/values.js';
import { apiGroup } from '../../model/workload.js';
import { defineRule, type ReportDescriptor } from '../rule.js';
import { objectLabel } from '../network/common.js';
import { AI_TAG, SOURCES, TOOLHIVE_GROUP, describeTarget, listText } from './common.js';
import {
  AUTH_ANNOTATION_NAMES,
  ingressAuthAnnotation,
  ingressBackends,
  isGatewayRoute,
  routeBackends,
  routeHasAttachedPolicy,
  servedTargets,
  serviceHasBackendConfig,
  type BackendRef,
} from './exposure.js';
import { MCPSERVER_AUTH_FIELDS } from './toolhive.js';

const EXPOSED_TYPES = new Set(['LoadBalancer', 'NodePort']);
const CONSEQUENCE = 'anyone who reaches it can list and call its tools with its credentials';

type Report = (descriptor: ReportDescriptor) => void;

function servedBy(
  index: ResourceIndex,
  backend: BackendRef,
): { service: Resource; what: string } | undefined {
  const service = index.find('Service', backend.namespace, backend.service);
  if (!service || serviceHasBackendConfig(service)) return undefined;
  const targets = servedTargets(index, service);
  if (targets.length === 0) return undefined;
  return { service, what: listText(targets.map(describeTarget)) };
}

function checkToolhive(resource: Resource, report: Report): void {
  const spec = asObject(resource.object.spec) ?? {};
  const name = objectLabel(resource);
  if (resource.kind === 'VirtualMCPServer') {
    const type = asString(asObject(spec.incomingAuth)?.type);
    if (type !== 'anonymous') return;
    const serviceType = asString(spec.serviceType);
    const exposed = serviceType !== undefined && EXPOSED_TYPES.has(serviceType);
    report({
      message:
        `${name} sets incomingAuth.type: anonymous${exposed ? ` and serviceType: ${serviceType}` : ''}, so ` +
        `${exposed ? 'anyone who reaches the node or load balancer' : 'any pod that reaches it'} can call every tool ` +
        'of every MCP server in its group.',
      path: ['spec', 'incomingAuth', 'type'],
      ...(exposed && { severity: 'critical' as const }),
    });
    return;
  }
  if (spec.untrusted === true || MCPSERVER_AUTH_FIELDS.some((field) => isSet(spec[field]))) return;
  report({
    message:
      `${name} configures no client authentication (oidcConfigRef, oidcConfig, externalAuthConfigRef or ` +
      'authServerRef), so its proxy accepts every request that reaches its port and any pod can call its tools.',
    path: ['spec'],
    severity: 'medium',
  });
}

/** AI-006: an MCP endpoint reachable without authentication. */
export default defineRule({
  meta: {
    id: 'mcp-endpoint-unauthenticated',
    title: 'Unauthenticated MCP or agent endpoint',
    severity: 'high',
    category: 'network',
    description:
      'An MCP server or agent endpoint is reachable without authentication: (1) a ToolHive `VirtualMCPServer` with ' +
      '`spec.incomingAuth.type: anonymous` (high; critical with `serviceType` LoadBalancer or NodePort); (2) a ' +
      'ToolHive `MCPServer` with none of `oidcConfigRef`, `oidcConfig` (older API versions), ' +
      '`externalAuthConfigRef` or `authServerRef` (medium; skipped in untrusted mode); (3) a Service of type ' +
      'LoadBalancer or NodePort whose selector matches the pods of a workload recognised as an MCP server or agent ' +
      '(as in `ai-agent-egress-unrestricted`), at `spec.type` (high); (4) an Ingress backend or a Gateway API ' +
      'HTTPRoute `backendRef` that routes to such a Service (same namespace unless the ref names one) when the ' +
      `Ingress has no authentication annotation (${AUTH_ANNOTATION_NAMES.join(', ')}) or no policy of the scan ` +
      'attaches to the route or its Gateway (`spec.targetRef(s)`) and no rule uses an `ExtensionRef` filter (high). ' +
      'Services with a GKE BackendConfig annotation (possible IAP) are not reported; templated values are not judged.',
    rationale:
      'An MCP endpoint is a remote-control interface: whoever can send it requests can list its tools and invoke ' +
      'them with the server\u2019s credentials (tokens for GitHub, databases, cloud APIs, the Kubernetes API). The MCP ' +
      'specification requires authorization for HTTP transports and warns about confused-deputy and token ' +
      'passthrough attacks; ToolHive documents that an MCPServer without an OIDC reference runs its proxy ' +
      'unauthenticated, and `anonymous` on a VirtualMCPServer opens every aggregated back-end at once (OWASP Agentic ' +
      'Top 10 ASI02 Tool Misuse, ASI07 Insecure Inter-Agent Communication; MITRE ATT&CK T1190, Exploit ' +
      'Public-Facing Application).',
    sources: [
      SOURCES.mcpSecurity,
      {
        title: 'Model Context Protocol: Authorization',
        url: 'https://modelcontextprotocol.io/specification/latest/basic/authorization',
      },
      SOURCES.toolhiveCrd,
      SOURCES.toolhiveVirtual,
      {
        title: 'ingress-nginx: External authentication',
        url: 'https://kubernetes.github.io/ingress-nginx/examples/auth/external-auth',
      },
      {
        title: 'Gateway API: Policy attachment',
        url: 'https://gateway-api.sigs.k8s.io/reference/policy-attachment/',
      },
      SOURCES.owaspAgentic,
    ],
    remediation:
      'Require OIDC on the MCP endpoint and keep it internal (ClusterIP) or behind an authenticating proxy:\n\n' +
      '```yaml\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata:\n  name: tools\nspec:\n' +
      '  groupRef:\n    name: team-tools\n  serviceType: ClusterIP\n  incomingAuth:\n    type: oidc\n' +
      '    oidcConfigRef:\n      name: corp-oidc\n---\n# for an Ingress in front of an MCP server\nmetadata:\n' +
      '  annotations:\n    nginx.ingress.kubernetes.io/auth-url: https://oauth2-proxy.example.com/oauth2/auth\n```',
    tags: [AI_TAG, 'network', 'exposure'],
  },
  match: { kinds: ['VirtualMCPServer', 'MCPServer', 'Service', 'Ingress', 'HTTPRoute'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (resource.kind === 'MCPServer' || resource.kind === 'VirtualMCPServer') {
      if (apiGroup(resource.apiVersion) === TOOLHIVE_GROUP) checkToolhive(resource, report);
      return;
    }
    if (resource.kind === 'Service') {
      const type = asString(asObject(resource.object.spec)?.type);
      if (type === undefined || !EXPOSED_TYPES.has(type) || serviceHasBackendConfig(resource)) return;
      const targets = servedTargets(index, resource);
      if (targets.length === 0) return;
      report({
        message:
          `Service "${resource.name ?? '(unnamed)'}" exposes the ${listText(targets.map(describeTarget))} as ` +
          `${type} and nothing in the manifests authenticates the traffic: ${CONSEQUENCE}.`,
        path: ['spec', 'type'],
      });
      return;
    }
    let backends: BackendRef[];
    let missing: string;
    if (resource.kind === 'Ingress') {
      if (ingressAuthAnnotation(resource)) return;
      backends = ingressBackends(resource);
      missing = 'without an authentication annotation';
    } else {
      if (!isGatewayRoute(resource) || routeHasAttachedPolicy(index, resource)) return;
      backends = routeBackends(resource);
      missing = 'and no policy in the scan attaches authentication to the route or its Gateway';
    }
    for (const backend of backends) {
      if (isTemplatedText(backend.service)) continue;
      const served = servedBy(index, backend);
      if (!served) continue;
      report({
        message:
          `${objectLabel(resource)} routes to Service "${backend.service}" of the ` +
          `${served.what} ${missing}: ${CONSEQUENCE}.`,
        path: backend.path,
        key: `${backend.namespace ?? ''}/${backend.service}`,
      });
    }
  },
});
