/** Which Services, Ingresses and HTTPRoutes put an MCP server or agent on the network, and with what auth. */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { matchesSelectorMap } from '../../model/selector.js';
import { asArray, asObject, asString, type JsonObject } from '../../model/values.js';
import { apiGroup } from '../../model/workload.js';
import { agentTargetsIn, type AgentTarget } from './common.js';

/** The MCP servers and agents (with known pod labels) a Service selects. */
export function servedTargets(index: ResourceIndex, service: Resource): AgentTarget[] {
  const selector = asObject(asObject(service.object.spec)?.selector);
  if (!selector || Object.keys(selector).length === 0) return [];
  return agentTargetsIn(index, service.namespace).filter(
    (t) =>
      t.podLabels !== undefined &&
      t.resource.kind !== 'PodTemplate' &&
      matchesSelectorMap(selector, t.podLabels),
  );
}

/**
 * Ingress annotations that put authentication in front of the backends, by controller: ingress-nginx external
 * or basic auth and client certificates, NGINX Inc basic/JWT auth, AWS Load Balancer Controller (Cognito/OIDC),
 * HAProxy, and middleware/plugin chains (Traefik, Kong) that may hold an auth step.
 */
const AUTH_ANNOTATIONS: readonly [string, (value: string) => boolean][] = [
  ['nginx.ingress.kubernetes.io/auth-url', (v) => v.trim() !== ''],
  ['nginx.ingress.kubernetes.io/auth-type', (v) => v.trim() !== ''],
  ['nginx.ingress.kubernetes.io/auth-tls-verify-client', (v) => v.trim().toLowerCase() === 'on'],
  ['nginx.org/basic-auth-secret', (v) => v.trim() !== ''],
  ['nginx.com/jwt-key', (v) => v.trim() !== ''],
  ['alb.ingress.kubernetes.io/auth-type', (v) => ['cognito', 'oidc'].includes(v.trim().toLowerCase())],
  ['haproxy.org/auth-type', (v) => v.trim() !== ''],
  ['ingress.kubernetes.io/auth-type', (v) => v.trim() !== ''],
  ['traefik.ingress.kubernetes.io/router.middlewares', (v) => v.trim() !== ''],
  ['konghq.com/plugins', (v) => v.trim() !== ''],
];

export const AUTH_ANNOTATION_NAMES: readonly string[] = AUTH_ANNOTATIONS.map(([key]) => key);

/** The annotation that authenticates an Ingress, or undefined. */
export function ingressAuthAnnotation(ingress: Resource): string | undefined {
  const annotations = asObject(ingress.metadata.annotations) ?? {};
  return AUTH_ANNOTATIONS.find(([key, ok]) => {
    const value = asString(annotations[key]);
    return value !== undefined && ok(value);
  })?.[0];
}

/** A GKE BackendConfig on the Service may enable Identity-Aware Proxy: it counts as authentication. */
export function serviceHasBackendConfig(service: Resource): boolean {
  const annotations = asObject(service.metadata.annotations) ?? {};
  return ['cloud.google.com/backend-config', 'beta.cloud.google.com/backend-config'].some(
    (key) => annotations[key] !== undefined,
  );
}

export interface BackendRef {
  service: string;
  namespace: string | undefined;
  path: Path;
}

/** The Services an Ingress routes to (`networking.k8s.io/v1` and the older `serviceName` form). */
export function ingressBackends(ingress: Resource): BackendRef[] {
  const spec = asObject(ingress.object.spec) ?? {};
  const out: BackendRef[] = [];
  const add = (backend: JsonObject | undefined, path: Path) => {
    const v1 = asString(asObject(backend?.service)?.name);
    const legacy = asString(backend?.serviceName);
    if (v1 !== undefined)
      out.push({ service: v1, namespace: ingress.namespace, path: [...path, 'service', 'name'] });
    else if (legacy !== undefined)
      out.push({ service: legacy, namespace: ingress.namespace, path: [...path, 'serviceName'] });
  };
  add(
    asObject(spec.defaultBackend) ?? asObject(spec.backend),
    spec.defaultBackend ? ['spec', 'defaultBackend'] : ['spec', 'backend'],
  );
  asArray(spec.rules).forEach((rule, r) => {
    asArray(asObject(asObject(rule)?.http)?.paths).forEach((p, i) => {
      add(asObject(asObject(p)?.backend), ['spec', 'rules', r, 'http', 'paths', i, 'backend']);
    });
  });
  return out;
}

/** The Service backends of an HTTPRoute (`backendRefs` with kind Service, the default). */
export function routeBackends(route: Resource): BackendRef[] {
  const out: BackendRef[] = [];
  asArray(asObject(route.object.spec)?.rules).forEach((rule, r) => {
    asArray(asObject(rule)?.backendRefs).forEach((raw, i) => {
      const ref = asObject(raw);
      const name = asString(ref?.name);
      const kind = asString(ref?.kind) ?? 'Service';
      const group = asString(ref?.group) ?? '';
      if (!ref || name === undefined || kind !== 'Service' || group !== '') return;
      out.push({
        service: name,
        namespace: asString(ref.namespace) ?? route.namespace,
        path: ['spec', 'rules', r, 'backendRefs', i, 'name'],
      });
    });
  });
  return out;
}

function targetsObject(ref: unknown, kind: string, name: string | undefined): boolean {
  const object = asObject(ref);
  return object !== undefined && object.kind === kind && name !== undefined && object.name === name;
}

/**
 * True when a policy of the scan is attached to the route or to one of its parent Gateways (Gateway API policy
 * attachment: `spec.targetRef` or `spec.targetRefs`, e.g. Envoy Gateway SecurityPolicy, Istio
 * AuthorizationPolicy/RequestAuthentication, kgateway TrafficPolicy), or a rule uses an `ExtensionRef` filter:
 * any of them may authenticate the traffic.
 */
export function routeHasAttachedPolicy(index: ResourceIndex, route: Resource): boolean {
  const spec = asObject(route.object.spec) ?? {};
  const extension = asArray(spec.rules).some((rule) =>
    asArray(asObject(rule)?.filters).some((f) => asObject(f)?.type === 'ExtensionRef'),
  );
  if (extension) return true;
  const parents = asArray(spec.parentRefs)
    .map((p) => asString(asObject(p)?.name))
    .filter((n): n is string => n !== undefined);
  return index.all.some((policy) => {
    if (policy === route) return false;
    const policySpec = asObject(policy.object.spec);
    if (!policySpec) return false;
    const refs = [policySpec.targetRef, ...asArray(policySpec.targetRefs)];
    return refs.some(
      (ref) =>
        ((policy.namespace ?? '') === (route.namespace ?? '') &&
          targetsObject(ref, 'HTTPRoute', route.name)) ||
        parents.some((gateway) => targetsObject(ref, 'Gateway', gateway)),
    );
  });
}

export function isGatewayRoute(resource: Resource): boolean {
  return resource.kind === 'HTTPRoute' && apiGroup(resource.apiVersion) === 'gateway.networking.k8s.io';
}
