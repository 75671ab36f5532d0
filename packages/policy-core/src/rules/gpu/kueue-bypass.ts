import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { apiGroup } from '../../model/workload.js';
import { labelsOf } from '../../model/selector.js';
import { GPU_TAG, gpuConsumption, isTemplated, namespaceNoun } from './common.js';
import { TEMPLATE_KINDS, isKueueKind, kueueLabelSources, podTemplatesOf } from './templates.js';

const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
/** Red Hat build of Kueue: namespaces whose jobs Kueue manages. */
const MANAGED_NAMESPACE_LABEL = 'kueue.openshift.io/managed';

/** GPU-009: accelerator workloads that skip the Kueue queue of a Kueue-governed namespace. */
export default defineRule({
  meta: {
    id: 'kueue-bypass',
    title: 'Accelerator workload bypasses Kueue',
    severity: 'medium',
    category: 'multitenancy',
    description:
      'The namespace is governed by Kueue (the scan defines a `kueue.x-k8s.io` LocalQueue in it, or its scanned ' +
      'Namespace carries `kueue.openshift.io/managed: "true"`), the object is a kind Kueue manages (Job, CronJob, ' +
      'Pod, Deployment, StatefulSet, JobSet, RayJob, RayCluster, Kubeflow training jobs, LeaderWorkerSet), its pod ' +
      'templates consume accelerators (accelerator resources, KAI fraction annotations, DRA GPU claims, ' +
      '`NVIDIA_VISIBLE_DEVICES`, the `nvidia` runtime class), and it has no non-empty `kueue.x-k8s.io/queue-name` ' +
      "label where Kueue reads it (object labels; a CronJob's `jobTemplate` labels; for Pods, Deployments and " +
      'StatefulSets also the pod template labels). Also reported: a queue name that is not one of the LocalQueues ' +
      'the scan defines in that namespace. System namespaces and templated names are skipped.',
    rationale:
      'Kueue only manages jobs that carry the queue-name label unless `manageJobsWithoutQueueName` is enabled, and ' +
      'the default is false: an unlabeled Job starts immediately, outside the ClusterQueue quota, fair sharing and ' +
      "preemption that divide the cluster's GPUs between tenants. One team can then take GPUs that other teams' " +
      'admitted workloads are waiting for. A label naming a LocalQueue that does not exist leaves the workload ' +
      'inadmissible: it never starts.',
    sources: [
      {
        title: 'Kueue Configuration API (manageJobsWithoutQueueName)',
        url: 'https://kueue.sigs.k8s.io/docs/reference/kueue-config.v1beta2/',
      },
      { title: 'Kueue', url: 'https://github.com/kubernetes-sigs/kueue' },
      {
        title: 'Red Hat build of Kueue: labeling namespaces to manage jobs',
        url: 'https://docs.redhat.com/ko/documentation/openshift_container_platform/4.21/html/ai_workloads/managing-workloads',
      },
    ],
    remediation:
      'Label the workload with the LocalQueue of its namespace, and consider `manageJobsWithoutQueueName: true` ' +
      'so unlabeled jobs are held instead of admitted:\n\n' +
      '```yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  labels:\n    kueue.x-k8s.io/queue-name: team-a-queue\n```',
    tags: [GPU_TAG, 'scheduling', 'kueue'],
  },
  match: { kinds: TEMPLATE_KINDS },
  crossResource: true,
  check({ resource, index, settings, report }) {
    const namespace = resource.namespace;
    if (isSystemNamespace(namespace, settings) || !isKueueKind(resource)) return;
    let gpu: string | undefined;
    for (const workload of podTemplatesOf(resource)) gpu ??= gpuConsumption(workload, namespace, index);
    if (!gpu) return;
    const queues = index
      .inNamespace('LocalQueue', namespace)
      .filter((queue) => apiGroup(queue.apiVersion) === 'kueue.x-k8s.io' && queue.name !== undefined);
    const namespaceObject =
      namespace === undefined ? undefined : index.find('Namespace', undefined, namespace);
    const managed = labelsOf(namespaceObject?.metadata)[MANAGED_NAMESPACE_LABEL] === 'true';
    if (queues.length === 0 && !managed) return;
    const governed =
      queues.length > 0
        ? `LocalQueue ${queues.map((q) => `"${q.name}"`).join(', ')}`
        : `label ${MANAGED_NAMESPACE_LABEL}`;
    const sources = kueueLabelSources(resource);
    const label = sources
      .map((source) => ({ value: source.labels[QUEUE_LABEL], path: [...source.path, 'labels', QUEUE_LABEL] }))
      .find((found) => found.value !== undefined && found.value.trim() !== '');
    if (!label?.value) {
      report({
        message:
          `The ${resource.kind} uses GPUs (${gpu}) in ${namespaceNoun(namespace)}, which Kueue governs ` +
          `(${governed}), but has no ${QUEUE_LABEL} label: Kueue does not manage it, so it starts outside the ` +
          'GPU quota of the queues.',
        path: [...(sources[0]?.path ?? ['metadata']), 'labels', QUEUE_LABEL],
        key: 'missing',
      });
      return;
    }
    if (isTemplated(label.value) || queues.length === 0) return;
    if (queues.some((queue) => queue.name === label.value)) return;
    report({
      message:
        `The ${resource.kind} names LocalQueue "${label.value}", which the scan does not define in ` +
        `${namespaceNoun(namespace)} (${governed}): Kueue keeps the workload inadmissible.`,
      path: label.path,
      key: 'unknown-queue',
    });
  },
});
