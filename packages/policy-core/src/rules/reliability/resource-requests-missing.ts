import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import {
  KUBE_SCORE_CHECKS,
  LIMIT_RANGES,
  RESOURCE_MANAGEMENT,
  hasEffectiveResource,
  lifetimeContainers,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

const EFFECTS: Readonly<Record<string, string>> = {
  'cpu,memory':
    'the scheduler reserves nothing for it, so it can be packed onto a full node, starved of CPU under ' +
    'contention and evicted first under memory pressure',
  cpu: 'the scheduler reserves no CPU for it, so under contention it gets only the minimum CPU share',
  memory:
    'the scheduler reserves no memory for it, so it can be packed onto a full node and is evicted first ' +
    'under memory pressure',
};

export default defineRule({
  meta: {
    id: 'resource-requests-missing',
    title: 'Container has no CPU or memory request',
    severity: 'low',
    category: 'reliability',
    description:
      'A container or sidecar of any workload has no `resources.requests.cpu` or no `resources.requests.memory` ' +
      '(one finding per container, naming what is missing). A request counts as set when the container sets only ' +
      'the limit (the API server then copies the limit into the request), when pod-level `spec.resources` sets it ' +
      '(Kubernetes 1.34+), or when a LimitRange of type `Container` in the same namespace of the scan provides a ' +
      'default (`defaultRequest`, `default`, `max` or `min`). Init containers that run to completion and ephemeral ' +
      'containers are not checked; templated `resources` are skipped.',
    rationale:
      'The scheduler places pods by their requests, not their usage. A container without requests is scheduled as ' +
      'if it needed nothing, so nodes get overcommitted; under CPU contention it receives only the minimum CPU ' +
      'weight, and under memory pressure the kubelet evicts pods whose usage exceeds their requests first. A pod ' +
      'with no request at all is BestEffort, the first class evicted. Requests are also what HorizontalPodAutoscaler ' +
      'utilization targets and capacity planning are computed from.',
    sources: [RESOURCE_MANAGEMENT, LIMIT_RANGES, KUBE_SCORE_CHECKS, KUBE_LINTER_CHECKS],
    remediation:
      'Set CPU and memory requests from observed steady-state usage:\n\n' +
      '```yaml\nresources:\n  requests:\n    cpu: 100m\n    memory: 256Mi\n```',
    tags: ['reliability', 'resources'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, workload, index, settings, report }) {
    const context = { resource, workload, index, settings };
    for (const container of lifetimeContainers(workload)) {
      const state = ['cpu', 'memory'].map((name) =>
        hasEffectiveResource(context, container, 'requests', name),
      );
      if (state.includes(undefined)) continue;
      const missing = ['cpu', 'memory'].filter((_, i) => state[i] === false);
      if (missing.length === 0) continue;
      report({
        message: `${containerLabel(container)} has no ${missing.join(' or ')} request: ${EFFECTS[missing.join(',')]}.`,
        path: [...container.path, 'resources', 'requests'],
        container,
      });
    }
  },
});
