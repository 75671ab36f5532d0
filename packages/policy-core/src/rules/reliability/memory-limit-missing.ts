import { defineRule } from '../rule.js';
import { KUBE_SCORE_CHECKS, LIMIT_RANGES, RESOURCE_MANAGEMENT, reportMissingLimit } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'memory-limit-missing',
    title: 'Container has no memory limit',
    severity: 'medium',
    category: 'reliability',
    description:
      'A container or sidecar (an init container with `restartPolicy: Always`) of any workload, long-running or ' +
      'batch, has no `resources.limits.memory`, and nothing else gives it one: no pod-level ' +
      '`spec.resources.limits.memory` (Kubernetes 1.34+; ignored when the target version is set below 1.34) and no ' +
      'LimitRange of type `Container` in the same namespace of the scan with a `default` or `max` memory. Init ' +
      'containers that run to completion and ephemeral containers (which cannot set resources) are not checked. ' +
      'Templated `resources` are skipped.',
    rationale:
      'Memory cannot be throttled, only reclaimed by killing. A container without a memory limit can grow until the ' +
      'node runs out: the kernel OOM killer then picks a victim by its own scoring, and the kubelet evicts pods under ' +
      'MemoryPressure, so one leaking process takes down well-behaved neighbours, often of other teams. With a limit, ' +
      'the leaking container is the one OOM-killed and restarted, and the damage stays inside its pod. In shared ' +
      'clusters an unbounded container is also an easy denial of service against co-located workloads.',
    sources: [RESOURCE_MANAGEMENT, LIMIT_RANGES, KUBE_SCORE_CHECKS, KUBE_LINTER_CHECKS],
    remediation:
      'Set a memory limit sized from observed peak usage plus headroom (setting the request to the same value gives ' +
      'predictable scheduling), or give the namespace a LimitRange default:\n\n' +
      '```yaml\nresources:\n  requests:\n    memory: 256Mi\n  limits:\n    memory: 256Mi\n```',
    tags: ['reliability', 'resources'],
  },
  match: { workloads: true },
  crossResource: true,
  check(context) {
    reportMissingLimit(
      context,
      'memory',
      'memory',
      "it can use all of the node's memory, and under memory " +
        'pressure the kernel or the kubelet kills other pods on the node to make room.',
    );
  },
});
