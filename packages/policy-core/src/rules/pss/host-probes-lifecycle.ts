import { defineRule } from '../rule.js';
import { asObject, isSet } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import { PSS_BASELINE_SOURCE, containerLabel, psaSource, show } from './common.js';

const HANDLERS: readonly (readonly [string, string | undefined, string])[] = [
  ['livenessProbe', undefined, 'liveness probe'],
  ['readinessProbe', undefined, 'readiness probe'],
  ['startupProbe', undefined, 'startup probe'],
  ['lifecycle', 'postStart', 'postStart hook'],
  ['lifecycle', 'preStop', 'preStop hook'],
];
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

/** PSS baseline "Host Probes / Lifecycle Hooks" (Pod Security admission check `hostProbesAndHostLifecycle`, v1.34+). */
export default defineRule({
  meta: {
    id: 'host-probes-lifecycle',
    title: 'Probe or lifecycle hook targets another host',
    severity: 'medium',
    category: 'isolation',
    description:
      'From policy v1.34, a container, init container or ephemeral container sets a non-empty `host` in ' +
      '`livenessProbe`, `readinessProbe` or `startupProbe` (`httpGet.host`, `tcpSocket.host`) or in ' +
      '`lifecycle.postStart`/`lifecycle.preStop` (`httpGet.host`, deprecated `tcpSocket.host`). One finding per ' +
      'field.',
    rationale:
      'Probes and HTTP lifecycle hooks are executed by the kubelet from the node, not from inside the pod. A ' +
      '`host` field therefore turns the kubelet into a server-side request forgery proxy: a pod author can make ' +
      'the node send requests to node-local services, the cloud metadata endpoint or internal addresses the ' +
      'pod itself cannot reach, and learn from probe results whether they answer.',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_hostProbesAndhostLifecycle.go'),
      {
        title: 'Configure Liveness, Readiness and Startup Probes',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
      },
    ],
    remediation:
      "Remove `host` so the probe targets the pod's own IP:\n\n" +
      '```yaml\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n```',
    pss: { level: 'baseline', check: 'hostProbesAndHostLifecycle', since: 'v1.34' },
    tags: ['ssrf', 'network', 'pod-security-standards'],
  },
  match: { workloads: true },
  appliesTo(settings) {
    return atLeast(settings.pssVersion, 34);
  },
  check({ workload, report }) {
    for (const container of workload.containers) {
      for (const [field, hook, label] of HANDLERS) {
        const outer = asObject(container.spec[field]);
        const handler = hook === undefined ? outer : asObject(outer?.[hook]);
        if (!handler) continue;
        for (const action of ACTIONS) {
          const host = asObject(handler[action])?.host;
          if (!isSet(host) || host === '') continue;
          const path = hook === undefined ? [field, action, 'host'] : [field, hook, action, 'host'];
          report({
            message: `${containerLabel(container)} ${label} sets ${action}.host to ${show(host)}: the kubelet would connect to that host from the node.`,
            path: [...container.path, ...path],
            container,
            key: path.join('.'),
          });
        }
      }
    }
  },
});
