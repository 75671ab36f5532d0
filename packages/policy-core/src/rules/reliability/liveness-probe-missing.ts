import { isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { POLARIS_RELIABILITY, PROBES, isLongRunning, lifetimeContainers } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'liveness-probe-missing',
    title: 'Long-running container has no liveness probe',
    severity: 'low',
    category: 'reliability',
    description:
      'A regular container or sidecar of a long-running workload has no `livenessProbe`. Long-running means every ' +
      'kind except Job and CronJob, with `restartPolicy` Always (the default): containers that run to completion, ' +
      'run-to-completion init containers and ephemeral containers (which cannot have probes) are not checked. Off ' +
      'by default (strict profile): a liveness probe is only worth having when the process can hang without exiting.',
    rationale:
      'The kubelet restarts a container when its process exits; it cannot see a process that is alive but stuck ' +
      '(deadlock, exhausted thread pool, wedged event loop). Such a container keeps its place, keeps receiving ' +
      'traffic if it has no readiness probe, and stays broken until someone notices. A liveness probe lets the ' +
      'kubelet restart it. A badly designed liveness probe is worse than none, though: one that checks downstream ' +
      'dependencies or times out under load restarts healthy containers in a cascade, which is why this rule is ' +
      'opt-in.',
    sources: [
      PROBES,
      {
        title: 'kube-score: readiness and liveness probes',
        url: 'https://github.com/zegl/kube-score/blob/master/README_PROBES.md',
      },
      POLARIS_RELIABILITY,
      KUBE_LINTER_CHECKS,
    ],
    remediation:
      'Add a cheap liveness probe that checks only the process itself, with a generous failure threshold (and a ' +
      'startupProbe for slow starters):\n\n' +
      '```yaml\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: http\n  periodSeconds: 10\n  failureThreshold: 6\n```',
    recommended: false,
    tags: ['reliability', 'probes'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    if (!isLongRunning(workload)) return;
    for (const container of lifetimeContainers(workload)) {
      if (isSet(container.spec.livenessProbe)) continue;
      report({
        message:
          `${containerLabel(container)} has no livenessProbe: if its process hangs without exiting, the kubelet ` +
          'never restarts it.',
        path: container.path,
        container,
      });
    }
  },
});
