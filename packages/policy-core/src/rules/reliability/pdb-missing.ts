import { defineRule } from '../rule.js';
import {
  CONFIGURE_PDB,
  KUBE_SCORE_CHECKS,
  POLARIS_RELIABILITY,
  describeRange,
  isReplicaWorkload,
  namespacesCompatible,
  objectLabel,
  pdbSelects,
  replicaRange,
  templateLabels,
} from './common.js';

export default defineRule({
  meta: {
    id: 'pdb-missing',
    title: 'Replicated workload has no PodDisruptionBudget',
    severity: 'low',
    category: 'reliability',
    description:
      'A Deployment, StatefulSet, ReplicaSet or Argo Rollout that can run two or more pods (`spec.replicas` ≥ 2, or ' +
      'the `maxReplicas` of a HorizontalPodAutoscaler of the scan that scales it) is selected by no ' +
      'PodDisruptionBudget of the scan in its namespace. Single-replica workloads are left to `single-replica`; ' +
      'DaemonSets (drained node by node anyway), objects owned by another controller and templated labels or ' +
      'replica counts are skipped. Off by default (strict profile): budgets are often managed outside the ' +
      "application's manifests.",
    rationale:
      'Without a PodDisruptionBudget, voluntary disruptions do not wait for replacement pods: a node drain, a ' +
      'managed node-pool upgrade or a cluster-autoscaler consolidation may evict several replicas at once (all of ' +
      'them when they share a node), so a service that is highly available on paper goes down during routine ' +
      'maintenance. A budget such as `maxUnavailable: 1` makes the eviction API wait until a replacement is ready.',
    sources: [CONFIGURE_PDB, KUBE_SCORE_CHECKS, POLARIS_RELIABILITY],
    remediation:
      'Add a PodDisruptionBudget selecting the pod template labels:\n\n' +
      '```yaml\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n```',
    recommended: false,
    tags: ['reliability', 'availability'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, workload, index, report }) {
    if (!isReplicaWorkload(resource)) return;
    const labels = templateLabels(workload);
    const range = replicaRange(resource, index);
    if (!labels || !range || range.max < 2) return;
    const budgets = index.ofKind('PodDisruptionBudget');
    if (
      budgets.some(
        (pdb) => namespacesCompatible(pdb.namespace, resource.namespace) && pdbSelects(pdb, labels),
      )
    ) {
      return;
    }
    report({
      message:
        `${objectLabel(resource)} runs ${describeRange(range)} but no PodDisruptionBudget of the scan selects its ` +
        'pods: a node drain or cluster upgrade may evict several of them at the same time.',
      path: ['spec', 'replicas'],
    });
  },
});
