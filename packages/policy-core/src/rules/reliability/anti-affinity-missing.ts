import { asArray, asObject, isObject, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import {
  KUBE_SCORE_CHECKS,
  POLARIS_RELIABILITY,
  describeRange,
  hasTemplate,
  isReplicaWorkload,
  objectLabel,
  replicaRange,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'anti-affinity-missing',
    title: 'Replicas are not spread across nodes',
    severity: 'low',
    category: 'reliability',
    description:
      'A Deployment, StatefulSet, ReplicaSet or Argo Rollout that can run two or more pods (`spec.replicas` ≥ 2, or ' +
      'the `maxReplicas` of a HorizontalPodAutoscaler of the scan that scales it) sets neither ' +
      '`affinity.podAntiAffinity` (required or preferred terms) nor `topologySpreadConstraints` in its pod ' +
      'template. Templated affinity, DaemonSets and objects owned by another controller are skipped. Off by ' +
      'default (strict profile).',
    rationale:
      'Replicas only protect against node and zone failures when they run on different nodes and zones. Without ' +
      'a spreading rule the scheduler packs pods where resources fit; its built-in default spreading is only a ' +
      'soft preference that resource fit overrides, so several or all replicas can land on one node, and one node ' +
      'failure, drain or spot reclamation then takes the whole service down despite its replica count.',
    sources: [
      {
        title: 'Kubernetes: Pod Topology Spread Constraints',
        url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
      },
      {
        title: 'Kubernetes: Inter-pod affinity and anti-affinity',
        url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
      },
      KUBE_LINTER_CHECKS,
      KUBE_SCORE_CHECKS,
      POLARIS_RELIABILITY,
    ],
    remediation:
      'Spread the replicas over nodes (and zones) with a topology spread constraint or a preferred anti-affinity:\n\n' +
      '```yaml\ntopologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: kubernetes.io/hostname\n    whenUnsatisfiable: ScheduleAnyway\n    labelSelector:\n      matchLabels:\n        app: web\n```',
    recommended: false,
    tags: ['reliability', 'availability', 'scheduling'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, workload, index, report }) {
    if (!isReplicaWorkload(resource)) return;
    const range = replicaRange(resource, index);
    if (!range || range.max < 2) return;
    const { affinity, topologySpreadConstraints } = workload.podSpec;
    if (hasTemplate(affinity) || hasTemplate(topologySpreadConstraints)) return;
    if (isSet(affinity) && !isObject(affinity)) return;
    const anti = asObject(asObject(affinity)?.podAntiAffinity);
    const hasAnti =
      asArray(anti?.requiredDuringSchedulingIgnoredDuringExecution).length > 0 ||
      asArray(anti?.preferredDuringSchedulingIgnoredDuringExecution).length > 0;
    if (hasAnti || asArray(topologySpreadConstraints).length > 0) return;
    report({
      message:
        `${objectLabel(resource)} runs ${describeRange(range)} with neither podAntiAffinity nor ` +
        'topologySpreadConstraints: the scheduler may place them on the same node, so one node failure takes them ' +
        'all down.',
      path: [...workload.podSpecPath, 'affinity'],
    });
  },
});
