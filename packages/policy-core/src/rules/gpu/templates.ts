/**
 * Pod templates of the objects GPU workloads come in: the built-in workload kinds, plus the batch and
 * training custom resources that the resource model does not know yet (Ray, JobSet, Kubeflow training
 * jobs, LeaderWorkerSet, Volcano Job, Kubeflow Notebook). Each template is built as a `Workload`, so rules
 * see the same container views, with paths into the custom resource.
 */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import { BUILTIN_WORKLOAD_KINDS, apiGroup, buildWorkload, type Workload } from '../../model/workload.js';
import { asArray, asObject, type JsonObject } from '../../model/values.js';
import { labelsOf, type Labels } from '../../model/selector.js';

interface TemplateKind {
  kind: string;
  groups: readonly string[];
  /** Paths of the PodTemplateSpecs inside the object. */
  templates(object: JsonObject): Path[];
  /** Kueue manages this kind through the `kueue.x-k8s.io/queue-name` label on the object. */
  kueue: boolean;
}

function listTemplates(object: JsonObject, listPath: Path, templatePath: Path): Path[] {
  let list: unknown = object;
  for (const key of listPath) list = asObject(list)?.[key as string];
  return asArray(list).map((_, index) => [...listPath, index, ...templatePath]);
}

/** Ray head and worker groups under `base` (RayCluster spec, RayJob rayClusterSpec, RayService rayClusterConfig). */
function rayTemplates(object: JsonObject, base: Path): Path[] {
  return [
    [...base, 'headGroupSpec', 'template'],
    ...listTemplates(object, [...base, 'workerGroupSpecs'], ['template']),
  ];
}

function replicaSpecTemplates(field: string): (object: JsonObject) => Path[] {
  return (object) =>
    Object.keys(asObject(asObject(object.spec)?.[field]) ?? {}).map((role) => [
      'spec',
      field,
      role,
      'template',
    ]);
}

const KUBEFLOW_JOBS: readonly [string, string][] = [
  ['PyTorchJob', 'pytorchReplicaSpecs'],
  ['TFJob', 'tfReplicaSpecs'],
  ['XGBoostJob', 'xgbReplicaSpecs'],
  ['PaddleJob', 'paddleReplicaSpecs'],
  ['JAXJob', 'jaxReplicaSpecs'],
  ['MPIJob', 'mpiReplicaSpecs'],
];

const CUSTOM_KINDS: readonly TemplateKind[] = [
  { kind: 'RayCluster', groups: ['ray.io'], templates: (o) => rayTemplates(o, ['spec']), kueue: true },
  {
    kind: 'RayJob',
    groups: ['ray.io'],
    templates: (o) => [...rayTemplates(o, ['spec', 'rayClusterSpec']), ['spec', 'submitterPodTemplate']],
    kueue: true,
  },
  {
    kind: 'RayService',
    groups: ['ray.io'],
    templates: (o) => rayTemplates(o, ['spec', 'rayClusterConfig']),
    kueue: false,
  },
  {
    kind: 'JobSet',
    groups: ['jobset.x-k8s.io'],
    templates: (o) => listTemplates(o, ['spec', 'replicatedJobs'], ['template', 'spec', 'template']),
    kueue: true,
  },
  ...KUBEFLOW_JOBS.map(([kind, field]) => ({
    kind,
    groups: ['kubeflow.org'],
    templates: replicaSpecTemplates(field),
    kueue: true,
  })),
  {
    kind: 'LeaderWorkerSet',
    groups: ['leaderworkerset.x-k8s.io'],
    templates: () => [
      ['spec', 'leaderWorkerTemplate', 'leaderTemplate'],
      ['spec', 'leaderWorkerTemplate', 'workerTemplate'],
    ],
    kueue: true,
  },
  {
    kind: 'Job',
    groups: ['batch.volcano.sh'],
    templates: (o) => listTemplates(o, ['spec', 'tasks'], ['template']),
    kueue: false,
  },
  { kind: 'Notebook', groups: ['kubeflow.org'], templates: () => [['spec', 'template']], kueue: false },
];

/** Built-in kinds Kueue integrates with (a CronJob through the Jobs it creates). */
const KUEUE_BUILTIN_KINDS: ReadonlySet<string> = new Set([
  'Job',
  'CronJob',
  'Pod',
  'Deployment',
  'StatefulSet',
]);

/** Every kind the GPU workload rules look at (for `match: { kinds }`). */
export const TEMPLATE_KINDS: readonly string[] = [
  ...new Set([...BUILTIN_WORKLOAD_KINDS.map((k) => k.kind), ...CUSTOM_KINDS.map((k) => k.kind)]),
];

function customKind(resource: Resource): TemplateKind | undefined {
  const group = apiGroup(resource.apiVersion);
  return CUSTOM_KINDS.find((k) => k.kind === resource.kind && k.groups.includes(group));
}

/** The workload view of the PodTemplateSpec at `templatePath` (undefined when it has no pod spec). */
export function templateWorkload(resource: Resource, templatePath: Path): Workload | undefined {
  return buildWorkload(resource.object, {
    kind: resource.kind,
    podSpecPath: [...templatePath, 'spec'],
    podMetadataPath: [...templatePath, 'metadata'],
  });
}

const templateCache = new WeakMap<Resource, Workload[]>();

/**
 * The pod templates of a resource: its workload view, or the templates of a known custom resource (cached:
 * every GPU rule asks for each resource).
 */
export function podTemplatesOf(resource: Resource): Workload[] {
  if (resource.workload) return [resource.workload];
  let workloads = templateCache.get(resource);
  if (!workloads) {
    const paths = customKind(resource)?.templates(resource.object) ?? [];
    workloads = paths.flatMap((path) => templateWorkload(resource, path) ?? []);
    templateCache.set(resource, workloads);
  }
  return workloads;
}

/** True for a Volcano `batch.volcano.sh` Job (its queue is `spec.queue`). */
export function isVolcanoJob(resource: Resource): boolean {
  return resource.kind === 'Job' && apiGroup(resource.apiVersion) === 'batch.volcano.sh';
}

/** True when Kueue can manage this kind of object (Job, CronJob, Pod, Deployment, StatefulSet, JobSet, …). */
export function isKueueKind(resource: Resource): boolean {
  if (resource.workload)
    return KUEUE_BUILTIN_KINDS.has(resource.kind) && resource.workload.kind.kind === resource.kind;
  return customKind(resource)?.kueue ?? false;
}

/**
 * Where Kueue reads `kueue.x-k8s.io/queue-name`: the object's labels; a CronJob's job template labels; for
 * Pods, Deployments and StatefulSets (managed as pods) also the pod template labels.
 */
export function kueueLabelSources(resource: Resource): { labels: Labels; path: Path }[] {
  if (resource.kind === 'CronJob' && resource.workload) {
    const path: Path = ['spec', 'jobTemplate', 'metadata'];
    return [
      { labels: labelsOf(asObject(asObject(asObject(resource.object.spec)?.jobTemplate)?.metadata)), path },
    ];
  }
  const sources = [{ labels: labelsOf(resource.metadata), path: ['metadata'] as Path }];
  const workload = resource.workload;
  if (workload && (resource.kind === 'Deployment' || resource.kind === 'StatefulSet')) {
    sources.push({ labels: labelsOf(workload.podMetadata), path: workload.podMetadataPath });
  }
  return sources;
}
