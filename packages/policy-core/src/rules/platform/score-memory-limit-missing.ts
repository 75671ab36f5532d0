import { defineRule } from '../rule.js';
import { RESOURCE_MANAGEMENT } from '../reliability/common.js';
import { SCORE_MATCH, SCORE_SPEC_REFERENCE, SCORE_TAGS, reportMissingScoreLimit } from './common.js';

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
    sources: [SCORE_SPEC_REFERENCE, RESOURCE_MANAGEMENT],
    remediation:
      'Set a memory limit (and a request) on each container:\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2\n    resources:\n      requests:\n' +
      '        memory: 256Mi\n      limits:\n        memory: 512Mi\n```',
    tags: [...SCORE_TAGS, 'reliability', 'resources'],
  },
  match: SCORE_MATCH,
  check(context) {
    reportMissingScoreLimit(
      context,
      'memory',
      'memory',
      "a leak or a burst can exhaust its node's memory " + 'and get other pods OOM-killed or evicted.',
    );
  },
});
