import { getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { HPA, POLARIS_RELIABILITY, hpaMinReplicas, inGroup, objectLabel } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'hpa-min-replicas',
    title: 'HorizontalPodAutoscaler can scale down to one replica',
    severity: 'low',
    category: 'reliability',
    description:
      'A HorizontalPodAutoscaler whose `spec.minReplicas` is 1 or unset (the default is 1). `minReplicas: 0` ' +
      '(scale to zero, behind the HPAScaleToZero feature gate) is a deliberate choice and is skipped, as are ' +
      'templated values. Off by default (strict profile).',
    rationale:
      'At low load the autoscaler shrinks the workload to a single pod, so the availability its replicas provided ' +
      'at peak disappears exactly when fewer people watch: one crash, eviction or node drain is then an outage ' +
      'until a replacement is ready, and a PodDisruptionBudget cannot protect a single pod without blocking ' +
      'drains.',
    sources: [HPA, POLARIS_RELIABILITY, KUBE_LINTER_CHECKS],
    remediation: 'Keep at least two replicas:\n\n```yaml\nspec:\n  minReplicas: 2\n  maxReplicas: 10\n```',
    recommended: false,
    tags: ['reliability', 'autoscaling', 'availability'],
  },
  match: { kinds: ['HorizontalPodAutoscaler'] },
  check({ resource, report }) {
    if (!inGroup(resource, 'autoscaling')) return;
    if (hpaMinReplicas(resource) !== 1) return;
    const written = isSet(getPath(resource.object, ['spec', 'minReplicas']));
    report({
      message:
        `${objectLabel(resource)} can scale its target down to one replica ` +
        `(${written ? 'minReplicas: 1' : 'minReplicas unset, so 1'}): a single pod then serves all traffic, so one ` +
        'crash or node drain is an outage.',
      path: ['spec', 'minReplicas'],
    });
  },
});
