import { isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { POLARIS_RELIABILITY, objectLabel } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'priority-class-missing',
    title: 'Pod has no priority class',
    severity: 'info',
    category: 'reliability',
    description:
      'A workload of any kind whose pod template sets no `priorityClassName`. Informational and off by default ' +
      '(strict profile): priorities only matter once a cluster defines a priority scheme.',
    rationale:
      'Without a priority class a pod gets the cluster default (0, or the PriorityClass marked `globalDefault`), ' +
      'the same as every other unclassified pod. When the cluster is full, the scheduler can then neither preempt ' +
      'less important pods (batch jobs, previews) to place a critical service, nor protect that service from being ' +
      'preempted by pods that do set a higher priority; and under node pressure the kubelet evicts lower-priority ' +
      'pods first among those using more than they requested. An explicit class documents how the workload should be treated when capacity runs out.',
    sources: [
      {
        title: 'Kubernetes: Pod Priority and Preemption',
        url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/',
      },
      POLARIS_RELIABILITY,
      KUBE_LINTER_CHECKS,
    ],
    remediation:
      "Reference one of the cluster's PriorityClasses:\n\n" +
      '```yaml\nspec:\n  template:\n    spec:\n      priorityClassName: business-critical\n```',
    recommended: false,
    tags: ['reliability', 'scheduling'],
  },
  match: { workloads: true },
  check({ resource, workload, report }) {
    if (isSet(workload.podSpec.priorityClassName)) return;
    report({
      message:
        `${objectLabel(resource)} sets no priorityClassName: its pods get the cluster's default priority, so when ` +
        'capacity runs out the scheduler cannot preempt less important pods to place them.',
      path: [...workload.podSpecPath, 'priorityClassName'],
    });
  },
});
