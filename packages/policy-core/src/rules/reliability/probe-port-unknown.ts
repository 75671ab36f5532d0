import { asObject } from '../../model/values.js';
import { isTemplatedText } from '../../model/image.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { PROBES, containerPortNames, lifetimeContainers } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

const PROBE_EFFECTS = {
  readinessProbe: 'the probe never succeeds, so the container never becomes Ready and receives no traffic',
  livenessProbe:
    'the probe errors on every run and the kubelet discards the result, so the liveness check is silently disabled',
  startupProbe:
    'the container is never marked started, so it never becomes Ready and its other probes never run',
} as const;

const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export default defineRule({
  meta: {
    id: 'probe-port-unknown',
    title: 'Probe uses a port name the container does not declare',
    severity: 'medium',
    category: 'reliability',
    description:
      'A `livenessProbe`, `readinessProbe` or `startupProbe` of a container or sidecar uses `httpGet.port` or ' +
      "`tcpSocket.port` with a port name that is not the `name` of one of the same container's `ports` (named " +
      'ports resolve only against the probed container). Numeric ports are not checked: a container may listen on ' +
      'ports it does not declare. A quoted all-digit port such as `"8080"` is reported at high severity: the API ' +
      'server rejects it, since a port name must contain a letter. Templated names are skipped.',
    rationale:
      "The kubelet resolves a named probe port against the container's declared ports when it runs the probe. When " +
      'the name is missing it gets an error, reports the probe as errored ("unknown" state) and throws the result ' +
      'away: a readiness probe then never passes and the pod never receives traffic; a startup probe never passes ' +
      'and blocks the other probes forever; a liveness probe never fails, so the restart it was meant to provide ' +
      'silently never happens. The API server does not check the name, so the mistake (often a renamed port) only ' +
      'shows up as warning events on running pods.',
    sources: [
      PROBES,
      KUBE_LINTER_CHECKS,
      {
        title: 'kubernetes/kubernetes#139283: probes with an unresolved named port return Unknown',
        url: 'https://github.com/kubernetes/kubernetes/issues/139283',
      },
    ],
    remediation:
      'Use a port name the container declares under `ports`, or the port number:\n\n' +
      '```yaml\nports:\n  - name: http\n    containerPort: 8080\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: http\n```',
    tags: ['reliability', 'probes'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of lifetimeContainers(workload)) {
      const names = containerPortNames(container);
      if (!names) continue;
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const) {
        const spec = asObject(container.spec[probe]);
        for (const handler of HANDLERS) {
          const port = asObject(spec?.[handler])?.port;
          if (typeof port !== 'string' || isTemplatedText(port)) continue;
          const path = [...container.path, probe, handler, 'port'];
          if (/^[0-9]+$/.test(port)) {
            report({
              message:
                `${containerLabel(container)} ${probe} uses port "${port}" as a string: the API server rejects it, ` +
                'because a port name must contain a letter; write the number without quotes.',
              path,
              container,
              severity: 'high',
            });
          } else if (!names.has(port)) {
            report({
              message:
                `${containerLabel(container)} ${probe} uses port "${port}", which the container does not declare: ` +
                `${PROBE_EFFECTS[probe]}.`,
              path,
              container,
            });
          }
        }
      }
    }
  },
});
