import type { Path } from '../../types.js';
import { asArray, asObject, asString, getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import {
  KUBE_SCORE_CHECKS,
  findCompatible,
  hasCustomResources,
  hasTemplate,
  inGroup,
  namespaceLabel,
  objectLabel,
  showPort,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

interface Backend {
  service: string;
  servicePath: Path;
  port: unknown;
  portPath: Path;
}

/** A backend of networking.k8s.io/v1 (`service: {name, port}`) or v1beta1 (`serviceName`, `servicePort`). */
function backendAt(object: unknown, path: Path): Backend | undefined {
  const backend = asObject(getPath(object, path));
  if (!backend) return undefined;
  const service = asObject(backend.service);
  if (service) {
    const port = asObject(service.port);
    const byName = isSet(port?.name);
    return {
      service: asString(service.name) ?? '',
      servicePath: [...path, 'service', 'name'],
      port: byName ? port?.name : port?.number,
      portPath: [...path, 'service', 'port', byName ? 'name' : 'number'],
    };
  }
  if (isSet(backend.serviceName)) {
    return {
      service: asString(backend.serviceName) ?? '',
      servicePath: [...path, 'serviceName'],
      port: backend.servicePort,
      portPath: [...path, 'servicePort'],
    };
  }
  return undefined;
}

function backendsOf(object: unknown): Backend[] {
  const paths: Path[] = [
    ['spec', 'defaultBackend'],
    ['spec', 'backend'],
  ];
  asArray(getPath(object, ['spec', 'rules'])).forEach((_, r) => {
    asArray(getPath(object, ['spec', 'rules', r, 'http', 'paths'])).forEach((__, p) => {
      paths.push(['spec', 'rules', r, 'http', 'paths', p, 'backend']);
    });
  });
  return paths.map((path) => backendAt(object, path)).filter((b): b is Backend => b !== undefined);
}

export default defineRule({
  meta: {
    id: 'ingress-backend-missing',
    title: 'Ingress routes to a Service or port that does not exist',
    severity: 'medium',
    category: 'reliability',
    description:
      'An Ingress backend (`defaultBackend` or a rule path; `networking.k8s.io/v1` `service.name`/`service.port`, ' +
      'or the older `serviceName`/`servicePort`) names a Service that the scan does not contain although the scan ' +
      'has other Services in the Ingress namespace; or names a Service of the scan with a port (by `name` or ' +
      '`number`, matched against the Service `ports[].name` and `ports[].port`) that the Service does not expose. ' +
      'Services without a namespace match any namespace, and when several files define the Service, a port any of ' +
      'them exposes is accepted. Nothing is reported for a missing Service when the scan has no Service in the ' +
      'namespace (they may be deployed separately) or holds custom resources there (operators such as Rook create ' +
      'Services for them). Resource backends and templated names are skipped.',
    rationale:
      'The ingress controller cannot route to a Service or port that does not exist: requests for that host and ' +
      'path fail (ingress-nginx answers 503) while the rest of the Ingress works, so the breakage shows only for ' +
      'some URLs. A Service renamed or a port renamed in one manifest but not in the Ingress is the usual cause.',
    sources: [
      {
        title: 'Kubernetes: Ingress, the Ingress resource',
        url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource',
      },
      KUBE_LINTER_CHECKS,
      KUBE_SCORE_CHECKS,
    ],
    remediation:
      'Point the backend at an existing Service and one of its ports:\n\n' +
      '```yaml\nbackend:\n  service:\n    name: web\n    port:\n      name: http\n```',
    tags: ['reliability', 'dangling-reference'],
  },
  match: { kinds: ['Ingress'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (!inGroup(resource, 'networking.k8s.io', 'extensions')) return;
    const services = index.inNamespace('Service', resource.namespace);
    if (services.length === 0) return;
    const operatorManaged = hasCustomResources(index, resource.namespace);
    const seen = new Set<string>();
    for (const backend of backendsOf(resource.object)) {
      if (backend.service === '' || hasTemplate(backend.service) || hasTemplate(backend.port)) continue;
      const key = `${backend.service}:${String(backend.port)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const candidates = findCompatible(index, 'Service', resource.namespace, backend.service);
      if (candidates.length === 0) {
        if (operatorManaged) continue;
        report({
          message:
            `${objectLabel(resource)} routes to Service "${backend.service}", which the scan does not define ` +
            `although it defines other Services in ${namespaceLabel(resource.namespace)}: the ingress controller ` +
            'cannot route these requests.',
          path: backend.servicePath,
          key,
        });
        continue;
      }
      if (!isSet(backend.port)) continue;
      // Several files may define the Service (variants of one example): any of them exposing the port will do.
      const ports = candidates.flatMap((service) =>
        asArray(getPath(service.object, ['spec', 'ports'])).map((p) => asObject(p) ?? {}),
      );
      if (ports.some((p) => hasTemplate(p.name) || hasTemplate(p.port))) continue;
      const field = typeof backend.port === 'string' ? 'name' : 'port';
      if (ports.some((p) => p[field] === backend.port)) continue;
      const exposed = ports.map((p) =>
        isSet(p.name) ? `${String(p.port)} ("${String(p.name)}")` : String(p.port),
      );
      report({
        message:
          `${objectLabel(resource)} routes to port ${showPort(backend.port)} of Service "${backend.service}", which ` +
          `exposes ${exposed.length > 0 ? exposed.join(', ') : 'no ports'}: the ingress controller cannot route ` +
          'these requests.',
        path: backend.portPath,
        key,
      });
    }
  },
});
