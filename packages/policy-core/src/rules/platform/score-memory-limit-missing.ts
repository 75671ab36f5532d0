import { getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { SCORE_MATCH, SCORE_SPEC_REFERENCE, SCORE_TAGS, scoreContainers } from './common.js';

/** Score containers without a memory limit (IDP-004), as `memory-limit-missing` for Kubernetes workloads. */
export default defineRule({
  meta: {
    id: 'score-memory-limit-missing',
    title: 'Score container has no memory limit',
    severity: 'medium',
    category: 'reliability',
    description:
      'A Score container has no `resources.limits.memory`. score-k8s copies the container resources into the ' +
      'generated Deployment, so the workload runs without a memory limit unless a namespace LimitRange or a patch ' +
      'template adds one. One finding per container. The same check for Kubernetes workloads is ' +
      '`memory-limit-missing`.',
    rationale:
      'A container without a memory limit can use all the memory of its node: a leak or a burst of traffic makes ' +
      'the kernel OOM-kill other pods, or the kubelet evict them, and a tenant can starve its neighbours on ' +
      'purpose. A limit makes the offending container the one that is killed and restarted.',
    sources: [
      SCORE_SPEC_REFERENCE,
      {
        title: 'Kubernetes: Resource Management for Pods and Containers',
        url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      },
    ],
    remediation:
      'Set a memory limit (and a request) on each container:\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2\n    resources:\n      requests:\n' +
      '        memory: 256Mi\n      limits:\n        memory: 512Mi\n```',
    tags: [...SCORE_TAGS, 'reliability', 'resources'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const container of scoreContainers(resource)) {
      if (isSet(getPath(container.spec, ['resources', 'limits', 'memory']))) continue;
      report({
        message:
          `${containerLabel(container.view)} has no memory limit: a leak or a burst can exhaust its node's memory ` +
          'and get other pods OOM-killed or evicted.',
        path: [...container.path, 'resources', 'limits', 'memory'],
        container: container.view,
      });
    }
  },
});
