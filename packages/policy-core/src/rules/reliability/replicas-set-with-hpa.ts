import { getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { show } from '../pss/common.js';
import { HPA, KUBE_SCORE_CHECKS, hpasTargeting, isReplicaWorkload, objectLabel } from './common.js';

export default defineRule({
  meta: {
    id: 'replicas-set-with-hpa',
    title: 'Workload sets replicas although an autoscaler manages them',
    severity: 'low',
    category: 'reliability',
    description:
      'A Deployment, StatefulSet, ReplicaSet or Argo Rollout sets `spec.replicas` while a HorizontalPodAutoscaler ' +
      'of the scan (same namespace, `scaleTargetRef` naming it) scales it.',
    rationale:
      'The autoscaler writes `spec.replicas` continuously; a manifest that also sets it makes every `kubectl ' +
      'apply`, Helm upgrade or GitOps sync reset the live count to the written value. At peak load that scales a ' +
      'service down from, say, 12 pods to 3 in one deploy, until the autoscaler reacts again, which is exactly when ' +
      'it hurts. The Kubernetes documentation recommends removing `spec.replicas` from workloads an HPA manages.',
    sources: [
      {
        title: 'Kubernetes: Migrating Deployments and StatefulSets to horizontal autoscaling',
        url: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling',
      },
      HPA,
      KUBE_SCORE_CHECKS,
    ],
    remediation:
      "Remove `spec.replicas` from the workload's manifest and set the range on the autoscaler (`minReplicas`, " +
      '`maxReplicas`):\n\n```yaml\nkind: Deployment\nspec:\n  # no replicas: the HorizontalPodAutoscaler owns the count\n```',
    tags: ['reliability', 'autoscaling'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, index, report }) {
    if (!isReplicaWorkload(resource)) return;
    const replicas = getPath(resource.object, ['spec', 'replicas']);
    if (!isSet(replicas)) return;
    const hpa = hpasTargeting(resource, index)[0];
    if (!hpa) return;
    report({
      message:
        `${objectLabel(resource)} sets replicas: ${show(replicas)} while ${objectLabel(hpa)} scales it: every ` +
        'apply or sync resets the live replica count to this value, undoing the autoscaler.',
      path: ['spec', 'replicas'],
    });
  },
});
