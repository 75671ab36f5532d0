import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { labelsOf } from '../../model/selector.js';
import { asObject, getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { show } from '../pss/common.js';
import {
  CONFIGURE_PDB,
  POLARIS_RELIABILITY,
  REPLICA_KINDS,
  hasTemplate,
  hpaMinReplicas,
  hpasTargeting,
  inGroup,
  isControllerOwned,
  objectLabel,
  pdbSelects,
  podWorkloadsIn,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

interface Selected {
  /** Pods at the workloads' minimum scale; undefined when some selected workload's count is unknown. */
  pods: number | undefined;
  names: string[];
  hpa: boolean;
}

/** Kinds whose pod count `spec.replicas` gives, besides the HPA-scalable ones. */
const COUNTED_KINDS = new Set([...REPLICA_KINDS, 'ReplicationController']);

function podsOf(workload: Resource, index: ResourceIndex): { pods: number | undefined; hpa: boolean } {
  if (workload.kind === 'Pod') return { pods: 1, hpa: false };
  if (!COUNTED_KINDS.has(workload.kind)) return { pods: undefined, hpa: false };
  const hpa = hpasTargeting(workload, index)[0];
  if (hpa) return { pods: hpaMinReplicas(hpa), hpa: true };
  const replicas = getPath(workload.object, ['spec', 'replicas']);
  if (!isSet(replicas)) return { pods: 1, hpa: false };
  return { pods: typeof replicas === 'number' ? replicas : undefined, hpa: false };
}

/** The scan's workloads the PDB selects and how many pods they run at their minimum scale. */
function selected(pdb: Resource, index: ResourceIndex): Selected | undefined {
  if (hasTemplate(getPath(pdb.object, ['spec', 'selector']))) return undefined;
  const result: Selected = { pods: 0, names: [], hpa: false };
  for (const workload of podWorkloadsIn(index, pdb.namespace)) {
    if (isControllerOwned(workload) || hasTemplate(workload.workload?.podMetadata.labels)) continue;
    if (!pdbSelects(pdb, labelsOf(workload.workload?.podMetadata))) continue;
    const { pods, hpa } = podsOf(workload, index);
    result.names.push(objectLabel(workload));
    result.hpa ||= hpa;
    result.pods = pods === undefined || result.pods === undefined ? undefined : result.pods + pods;
  }
  return result.names.length > 0 ? result : undefined;
}

const EFFECT =
  'no voluntary eviction is ever allowed, so kubectl drain, node upgrades and cluster-autoscaler scale-down ' +
  'block on every node running its pods';

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    title: 'PodDisruptionBudget allows no eviction',
    severity: 'medium',
    category: 'reliability',
    description:
      'A PodDisruptionBudget that can never allow a voluntary eviction: `maxUnavailable` is 0 or "0%"; ' +
      '`minAvailable` is "100%"; or `minAvailable` (a number, or a percentage rounded up as the disruption ' +
      'controller does) is at least the number of pods it selects in the scan. That number is the sum of the ' +
      'replicas of the selected workloads (same namespace, selector matching their pod template labels; an empty ' +
      'selector selects every pod in policy/v1), taking the `minReplicas` of a HorizontalPodAutoscaler that scales ' +
      'one; it is only computed when every selected workload has a known count (Deployments, StatefulSets, ' +
      'ReplicaSets, ReplicationControllers, Rollouts, bare Pods; not DaemonSets or Jobs). Templated values are ' +
      'skipped.',
    rationale:
      'Evictions through the Eviction API (kubectl drain, managed node-pool upgrades, cluster-autoscaler and ' +
      'Karpenter consolidation) respect PodDisruptionBudgets. A budget that allows zero disruptions makes every ' +
      'drain of a node running these pods wait forever or until a timeout, which stalls cluster upgrades and ' +
      'security patching, and pushes operators to force-delete pods, the outage the budget was meant to prevent. ' +
      'The Kubernetes documentation warns that a budget requiring zero voluntary evictions prevents draining any ' +
      'node that runs the selected pods. Percentages are easy to get wrong: `minAvailable: "67%"` of 3 pods rounds ' +
      'up to 3. An HPA at its minimum makes a `minAvailable` equal to `minReplicas` block in the same way.',
    sources: [
      CONFIGURE_PDB,
      {
        title: 'Kubernetes: Disruptions',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/',
      },
      KUBE_LINTER_CHECKS,
      POLARIS_RELIABILITY,
      {
        title: 'Gatekeeper library: PodDisruptionBudget',
        url: 'https://open-policy-agent.github.io/gatekeeper-library/website/validation/poddisruptionbudget',
      },
    ],
    remediation:
      'Allow at least one pod to be evicted at a time, and run enough replicas to keep serving meanwhile:\n\n' +
      '```yaml\napiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n```',
    tags: ['reliability', 'availability'],
  },
  match: { kinds: ['PodDisruptionBudget'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (!inGroup(resource, 'policy')) return;
    const spec = asObject(resource.object.spec) ?? {};
    const name = objectLabel(resource);
    const { maxUnavailable, minAvailable } = spec;
    if (maxUnavailable === 0 || maxUnavailable === '0%') {
      report({
        message: `${name} sets maxUnavailable: ${show(maxUnavailable)}: ${EFFECT}.`,
        path: ['spec', 'maxUnavailable'],
      });
      return;
    }
    const percent = typeof minAvailable === 'string' ? /^(\d+)%$/.exec(minAvailable) : null;
    if (percent && Number(percent[1]) >= 100) {
      report({
        message: `${name} sets minAvailable: ${show(minAvailable)}: ${EFFECT}.`,
        path: ['spec', 'minAvailable'],
      });
      return;
    }
    if (typeof minAvailable !== 'number' && !percent) return;
    const pods = selected(resource, index);
    if (pods?.pods === undefined || pods.pods === 0) return;
    const required = percent ? Math.ceil((Number(percent[1]) * pods.pods) / 100) : (minAvailable as number);
    if (required < pods.pods) return;
    const scale = pods.hpa ? ' at the minReplicas of their HorizontalPodAutoscaler' : '';
    report({
      message:
        `${name} sets minAvailable: ${show(minAvailable)}, but the pods it selects (${pods.names.join(', ')}) number ` +
        `${pods.pods}${scale}: ${EFFECT}.`,
      path: ['spec', 'minAvailable'],
    });
  },
});
