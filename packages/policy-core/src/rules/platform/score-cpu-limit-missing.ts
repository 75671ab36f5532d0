import { defineRule } from '../rule.js';
import { RESOURCE_MANAGEMENT } from '../reliability/common.js';
import { SCORE_MATCH, SCORE_SPEC_REFERENCE, SCORE_TAGS, reportMissingScoreLimit } from './common.js';

/** Score containers without a CPU limit (IDP-004), as `cpu-limit-missing` for Kubernetes workloads. */
export default defineRule({
  meta: {
    id: 'score-cpu-limit-missing',
    title: 'Score container has no CPU limit',
    severity: 'low',
    category: 'reliability',
    description:
      'A Score container has no `resources.limits.cpu`. One finding per container. Off by default (strict ' +
      'profile), like `cpu-limit-missing`: CPU limits are a trade-off, not a universal best practice.',
    rationale:
      'Without a CPU limit a container may use every idle core of its node, so its speed depends on its ' +
      "neighbours' load and a runaway loop is not contained. On the other hand the CFS quota behind a limit " +
      'throttles a container even when the node is idle; enable this rule where the platform requires Guaranteed ' +
      'QoS, chargeback by limits or strict isolation of tenants.',
    sources: [SCORE_SPEC_REFERENCE, RESOURCE_MANAGEMENT],
    remediation:
      'Set a CPU limit (equal to the request for the Guaranteed QoS class):\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2\n    resources:\n      requests:\n' +
      '        cpu: 500m\n      limits:\n        cpu: "1"\n```',
    recommended: false,
    tags: [...SCORE_TAGS, 'reliability', 'resources'],
  },
  match: SCORE_MATCH,
  check(context) {
    reportMissingScoreLimit(
      context,
      'cpu',
      'CPU',
      'it can take all spare CPU of its node, so its ' +
        "performance varies with its neighbours' load and a runaway process is not contained.",
    );
  },
});
