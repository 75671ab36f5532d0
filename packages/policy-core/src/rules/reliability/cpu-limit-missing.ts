import { defineRule } from '../rule.js';
import { KUBE_SCORE_CHECKS, LIMIT_RANGES, RESOURCE_MANAGEMENT, reportMissingLimit } from './common.js';

export default defineRule({
  meta: {
    id: 'cpu-limit-missing',
    title: 'Container has no CPU limit',
    severity: 'low',
    category: 'reliability',
    description:
      'A container or sidecar of any workload has no `resources.limits.cpu`, and neither pod-level ' +
      '`spec.resources.limits.cpu` (Kubernetes 1.34+) nor a LimitRange of type `Container` in the same namespace of ' +
      'the scan (`default` or `max`) provides one. Init containers that run to completion and ephemeral containers ' +
      'are not checked; templated `resources` are skipped. Off by default (strict profile): CPU limits are a ' +
      'trade-off, not a universal best practice.',
    rationale:
      'Without a CPU limit a container may use every idle core of its node. Its requests still protect the ' +
      "neighbours' requests, but its own speed then depends on what else runs on the node, load tests overstate " +
      'real capacity, and a runaway loop consumes spare CPU that bursting neighbours expected to share. On the other ' +
      'hand, the CFS quota behind a CPU limit throttles a container even when the node is idle, which adds latency ' +
      'to multi-threaded and garbage-collected runtimes; many teams set CPU requests but no CPU limits on purpose. ' +
      'Enable this rule where the platform requires Guaranteed QoS, chargeback by limits, or strict isolation of ' +
      'tenants.',
    sources: [RESOURCE_MANAGEMENT, LIMIT_RANGES, KUBE_SCORE_CHECKS],
    remediation:
      'Set a CPU limit (equal to the request for the Guaranteed QoS class), or a namespace LimitRange default:\n\n' +
      '```yaml\nresources:\n  requests:\n    cpu: 500m\n  limits:\n    cpu: "1"\n```',
    recommended: false,
    tags: ['reliability', 'resources'],
  },
  match: { workloads: true },
  crossResource: true,
  check(context) {
    reportMissingLimit(
      context,
      'cpu',
      'CPU',
      'it can take all spare CPU of its node, so its ' +
        "performance varies with its neighbours' load and a runaway process is not contained.",
    );
  },
});
