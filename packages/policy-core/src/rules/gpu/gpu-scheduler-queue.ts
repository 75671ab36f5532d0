import type { Path } from '../../types.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import type { Resource } from '../../model/resource.js';
import type { Workload } from '../../model/workload.js';
import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { asObject, asString } from '../../model/values.js';
import { labelsOf, type Labels } from '../../model/selector.js';
import { GPU_TAG } from './common.js';
import { TEMPLATE_KINDS, isVolcanoJob, podTemplatesOf } from './templates.js';

const KAI_QUEUE = 'kai.scheduler/queue';
const LEGACY_QUEUE = 'runai/queue';
/** KAI's Run:ai-compatible fallback: a `project` label names the queue too. */
const KAI_PROJECT = 'project';
const VOLCANO_QUEUE = 'scheduling.volcano.sh/queue-name';
const VOLCANO_GROUPS = ['scheduling.k8s.io/group-name', 'scheduling.volcano.sh/group-name'];

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function stringMap(value: unknown): Labels {
  return labelsOf({ labels: value });
}

/** A label on the object (KAI's top owner) or on the pod template, with where it is written. */
function findLabel(
  resource: Resource,
  workload: Workload,
  key: string,
): { value: string; path: Path } | undefined {
  const own = labelsOf(resource.metadata)[key];
  if (own !== undefined) return { value: own, path: ['metadata', 'labels', key] };
  const pod = labelsOf(workload.podMetadata)[key];
  if (pod !== undefined) return { value: pod, path: [...workload.podMetadataPath, 'labels', key] };
  return undefined;
}

function hasVolcanoQueue(resource: Resource, workload: Workload, index: ResourceIndex): boolean {
  const annotations = stringMap(workload.podMetadata.annotations);
  if (nonEmpty(annotations[VOLCANO_QUEUE])) return true;
  if (VOLCANO_GROUPS.some((key) => nonEmpty(annotations[key]))) return true;
  if (resource.namespace === undefined) return false;
  const namespace = index.find('Namespace', undefined, resource.namespace);
  return nonEmpty(stringMap(namespace?.metadata.annotations)[VOLCANO_QUEUE]);
}

/** GPU-008: workloads that reach a batch scheduler without (or with a dead) queue assignment. */
export default defineRule({
  meta: {
    id: 'gpu-scheduler-queue',
    title: 'Batch scheduler without a queue',
    severity: 'medium',
    category: 'multitenancy',
    description:
      'Outside system namespaces, a pod template sets `schedulerName: kai-scheduler` and neither the object nor ' +
      'the pod template carries a non-empty `kai.scheduler/queue` label (or the `project` label KAI also reads): ' +
      'reported at the legacy `runai/queue` label when that is what the workload has, else at `schedulerName` ' +
      '(medium). A pod template that sets `schedulerName: volcano` without a `scheduling.volcano.sh/queue-name` ' +
      'annotation, a PodGroup annotation (`scheduling.k8s.io/group-name`) or a queue annotation on its scanned ' +
      'Namespace, and a Volcano `batch.volcano.sh` Job without `spec.queue`, are reported as low. Built-in ' +
      'workloads and Ray, JobSet, Kubeflow training and LeaderWorkerSet templates are checked.',
    rationale:
      'Queues are how KAI Scheduler and Volcano divide GPUs between teams: quota, over-quota weight, limits and ' +
      'fair-share apply per queue. A KAI workload without its queue label lands in the default queue (which a ' +
      'fresh install leaves unlimited), outside the quota its team was given; the `runai/queue` label was replaced ' +
      'by `kai.scheduler/queue` in KAI v0.6.0 and is ignored since (the migration guide warns such workloads are ' +
      'not scheduled). A Volcano workload without a queue runs in the shared `default` queue.',
    sources: [
      {
        title: 'KAI Scheduler: Quick Start (assigning pods to queues)',
        url: 'https://github.com/NVIDIA/KAI-Scheduler/blob/main/docs/quickstart/README.md',
      },
      {
        title: 'KAI Scheduler: v0.6.0 migration guide (runai/queue → kai.scheduler/queue)',
        url: 'https://github.com/NVIDIA/KAI-Scheduler/blob/main/docs/migrationguides/v0.6.0/README.md',
      },
      { title: 'Volcano: Queue', url: 'https://volcano.sh/en/docs/queue/' },
    ],
    remediation:
      'Label the workload (or its pod template) with the queue of its team, and keep the default queue small:\n\n' +
      '```yaml\nmetadata:\n  labels:\n    kai.scheduler/queue: team-a\nspec:\n  template:\n    spec:\n' +
      '      schedulerName: kai-scheduler\n```\n\nFor Volcano, annotate the pod template with ' +
      '`scheduling.volcano.sh/queue-name: team-a` or set `spec.queue` on a Volcano Job.',
    tags: [GPU_TAG, 'scheduling'],
  },
  match: { kinds: TEMPLATE_KINDS },
  crossResource: true,
  check({ resource, index, settings, report }) {
    if (isSystemNamespace(resource.namespace, settings)) return;
    if (isVolcanoJob(resource)) {
      if (!nonEmpty(asString(asObject(resource.object.spec)?.queue))) {
        report({
          message:
            'The Volcano Job sets no spec.queue, so its pods run in the shared "default" queue instead of a ' +
            "team's queue.",
          path: ['spec', 'queue'],
          severity: 'low',
          key: 'volcano-job',
        });
      }
      return;
    }
    for (const workload of podTemplatesOf(resource)) {
      const scheduler = asString(workload.podSpec.schedulerName);
      const schedulerPath = [...workload.podSpecPath, 'schedulerName'];
      if (scheduler === 'kai-scheduler') {
        const queue = findLabel(resource, workload, KAI_QUEUE) ?? findLabel(resource, workload, KAI_PROJECT);
        if (queue && nonEmpty(queue.value)) continue;
        const legacy = findLabel(resource, workload, LEGACY_QUEUE);
        report(
          legacy
            ? {
                message:
                  `The pod is scheduled by kai-scheduler with the legacy label ${LEGACY_QUEUE}=${legacy.value}; KAI ` +
                  `Scheduler v0.6.0 and later reads ${KAI_QUEUE} and ignores it.`,
                path: legacy.path,
                key: schedulerPath.join('.'),
              }
            : {
                message:
                  `The pod is scheduled by kai-scheduler without a ${KAI_QUEUE} label on the object or its pod ` +
                  "template, so it lands in the default queue, outside its team's quota.",
                path: schedulerPath,
                key: schedulerPath.join('.'),
              },
        );
      } else if (scheduler === 'volcano' && !hasVolcanoQueue(resource, workload, index)) {
        report({
          message:
            `The pod is scheduled by volcano without a ${VOLCANO_QUEUE} annotation, so it runs in the shared ` +
            '"default" queue.',
          path: schedulerPath,
          severity: 'low',
          key: schedulerPath.join('.'),
        });
      }
    }
  },
});
