import { getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import {
  POLARIS_RELIABILITY,
  declaredReplicas,
  hpasTargeting,
  isReplicaWorkload,
  objectLabel,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'single-replica',
    title: 'Workload runs a single replica',
    severity: 'low',
    category: 'reliability',
    description:
      'A Deployment, StatefulSet, ReplicaSet or Argo Rollout with `spec.replicas` 1 or unset (the default is 1) ' +
      'that no HorizontalPodAutoscaler of the scan scales. `replicas: 0` (deliberately scaled down), templated ' +
      'counts, DaemonSets and objects owned by another controller are skipped. Off by default (strict profile): ' +
      'singletons such as leader-elected controllers and development environments are legitimate.',
    rationale:
      'With one replica every node drain, node failure, eviction or crash is an outage that lasts until a ' +
      'replacement pod is scheduled, pulls its image and passes its readiness probe, and a PodDisruptionBudget ' +
      'cannot protect it without blocking node maintenance altogether. Two or more replicas spread over nodes ' +
      'keep serving through all of these.',
    sources: [
      POLARIS_RELIABILITY,
      KUBE_LINTER_CHECKS,
      {
        title: 'Kubernetes: Deployments, replicas',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas',
      },
    ],
    remediation:
      'Run at least two replicas (spread them over nodes), or let a HorizontalPodAutoscaler with `minReplicas: 2` ' +
      'manage the count:\n\n' +
      '```yaml\nspec:\n  replicas: 2\n```',
    recommended: false,
    tags: ['reliability', 'availability'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, index, report }) {
    if (!isReplicaWorkload(resource) || hpasTargeting(resource, index, true).length > 0) return;
    const replicas = declaredReplicas(resource);
    if (replicas !== 1) return;
    const written = isSet(getPath(resource.object, ['spec', 'replicas']));
    report({
      message:
        `${objectLabel(resource)} runs a single replica (${written ? 'replicas: 1' : 'spec.replicas unset, so 1'}): ` +
        'every node drain, node failure or crash makes it unavailable until a replacement pod is ready.',
      path: ['spec', 'replicas'],
    });
  },
});
