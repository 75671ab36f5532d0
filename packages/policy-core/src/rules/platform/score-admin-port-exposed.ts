import { asObject } from '../../model/values.js';
import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { SCORE_MATCH, SCORE_SPEC_REFERENCE, SCORE_TAGS, scoreWorkloadLabel } from './common.js';

/** Well-known administration ports: remote shells and node or container-runtime control APIs. */
const ADMIN_PORTS: Readonly<Record<number, string>> = {
  22: 'SSH',
  2375: 'the unencrypted Docker Engine API',
  2376: 'the Docker Engine API (TLS)',
  10250: 'the kubelet API',
};

/** Score services publishing administration ports (IDP-004). */
export default defineRule({
  meta: {
    id: 'score-admin-port-exposed',
    title: 'Score service publishes an administration port',
    severity: 'medium',
    category: 'network',
    description:
      'A port of a Score `service.ports` entry has `port` or `targetPort` 22 (SSH), 2375 or 2376 (Docker Engine ' +
      'API) or 10250 (kubelet API). High for 2375, the Docker Engine API without TLS or authentication. One ' +
      'finding per port entry and field.',
    rationale:
      'These ports carry remote shells and control APIs, not application traffic. Publishing them through the ' +
      "workload's Service makes them reachable by every client of the Service: an SSH daemon in a container is " +
      'an unmanaged way in that bypasses `kubectl exec` auditing, and a Docker or kubelet-compatible API ' +
      'answers container-creation or exec requests (TCP 2375 has no authentication at all), which attackers scan ' +
      'for to run cryptominers (MITRE ATT&CK T1133, External Remote Services; T1610, Deploy Container).',
    sources: [
      SCORE_SPEC_REFERENCE,
      {
        title: 'Docker: Protect the Docker daemon socket',
        url: 'https://docs.docker.com/engine/security/protect-access/',
      },
      {
        title: 'Kubernetes: Ports and Protocols',
        url: 'https://kubernetes.io/docs/reference/networking/ports-and-protocols/',
      },
      {
        title: 'MITRE ATT&CK T1133: External Remote Services',
        url: 'https://attack.mitre.org/techniques/T1133/',
      },
    ],
    remediation:
      'Publish only application ports; use `kubectl exec` or an ephemeral debug container instead of SSH, and ' +
      'never expose a container runtime API:\n\n' +
      '```yaml\nservice:\n  ports:\n    http:\n      port: 80\n      targetPort: 8080\n```',
    tags: [...SCORE_TAGS, 'exposure'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    const ports = asObject(asObject(resource.object.service)?.ports) ?? {};
    for (const [name, raw] of Object.entries(ports)) {
      const entry = asObject(raw);
      if (!entry) continue;
      for (const field of ['port', 'targetPort'] as const) {
        const value = entry[field];
        if (typeof value !== 'number') continue;
        const what = ADMIN_PORTS[value];
        if (!what) continue;
        // The unauthenticated Docker API is the worst case: anyone reaching it runs containers.
        const severity: Severity | undefined = value === 2375 ? 'high' : undefined;
        report({
          message:
            `${scoreWorkloadLabel(resource)} publishes service port "${name}" with ${field} ${value} (${what}): ` +
            'every client of the Service can reach an administration interface.',
          path: ['service', 'ports', name, field],
          key: `${name}:${field}`,
          ...(severity && { severity }),
        });
      }
    }
  },
});
