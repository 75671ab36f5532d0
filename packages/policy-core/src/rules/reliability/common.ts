/**
 * Helpers shared by the reliability rules: kinds, replica counts, HorizontalPodAutoscalers,
 * PodDisruptionBudgets, Services, resource requests/limits with their defaults. No rule logic lives here.
 */
import type { RuleSource } from '../../types.js';
import { KUBE_SCORE_CHECKS, POLARIS_RELIABILITY } from '../shared/sources.js';

export { KUBE_SCORE_CHECKS, POLARIS_RELIABILITY };
import { objectLabel, type Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import { BATCH_KINDS, apiGroup } from '../../model/workload.js';
import { asArray, asObject, asString, getPath, isObject, isSet } from '../../model/values.js';
import { isEmptySelector, labelsOf, matchesLabelSelector, type Labels } from '../../model/selector.js';
import { isTemplatedText } from '../../model/image.js';
import { SelectorMapIndex } from '../../model/selector-index.js';
import type { EvaluationSettings, WorkloadRuleContext } from '../rule.js';
import { containerLabel } from '../pss/common.js';

export const RESOURCE_MANAGEMENT: RuleSource = {
  title: 'Kubernetes: Resource Management for Pods and Containers',
  url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
};

export const LIMIT_RANGES: RuleSource = {
  title: 'Kubernetes: Limit Ranges',
  url: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
};

export const PROBES: RuleSource = {
  title: 'Kubernetes: Configure Liveness, Readiness and Startup Probes',
  url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
};

export const CONFIGURE_PDB: RuleSource = {
  title: 'Kubernetes: Specifying a Disruption Budget for your Application',
  url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
};

export const HPA: RuleSource = {
  title: 'Kubernetes: Horizontal Pod Autoscaling',
  url: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/',
};

export { objectLabel };

/** `namespace "shop"`, or `the same namespace` for objects that do not name one. */
export function namespaceLabel(namespace: string | undefined): string {
  return namespace === undefined ? 'the same (unnamed) namespace' : `namespace "${namespace}"`;
}

/** True when any key or string inside the value holds a template placeholder (`${…}`, `{{…}}`). */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return isTemplatedText(value);
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (isObject(value)) return Object.entries(value).some(([k, v]) => isTemplatedText(k) || hasTemplate(v));
  return false;
}

/** The object's API group is one of `groups` ('' is the core group). */
export function inGroup(resource: Resource, ...groups: string[]): boolean {
  return groups.includes(apiGroup(resource.apiVersion));
}

/**
 * Whether two objects may end up in the same namespace: the same one, or either does not name one (it goes
 * wherever the manifests are applied). Used to stay quiet when looking for an object a reference names.
 */
export function namespacesCompatible(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Objects of `kind` named `name` in a namespace compatible with `namespace` (several files may define one). */
export function findCompatible(
  index: ResourceIndex,
  kind: string,
  namespace: string | undefined,
  name: string,
): Resource[] {
  return index.compatibleWith(namespace, kind).filter((r) => r.name === name);
}

/**
 * Whether the scan has custom resources (other than the workload kinds it models) in a namespace compatible
 * with `namespace`: operators (Prometheus, Rook, …) create pods and Services for them that no manifest shows.
 */
export function hasCustomResources(index: ResourceIndex, namespace: string | undefined): boolean {
  // Namespaces holding custom resources ('' = objects that name none), computed once per index state.
  const namespaces = index.derived('reliability:custom-resource-namespaces', () => {
    const found = new Set<string>();
    for (const r of index.all) {
      const group = apiGroup(r.apiVersion);
      if (r.workload === undefined && group.includes('.') && !group.endsWith('.k8s.io'))
        found.add(r.namespace ?? '');
    }
    return found;
  });
  if (namespace === undefined) return namespaces.size > 0;
  return namespaces.has(namespace) || namespaces.has('');
}

/** True when a controller (ReplicaSet, Job, CronJob, …) owns the object: findings belong on the owner. */
export function isControllerOwned(resource: Resource): boolean {
  return asArray(resource.metadata.ownerReferences).some((ref) => asObject(ref)?.controller === true);
}

/** Kinds whose pod count is `spec.replicas` (default 1) and that a HorizontalPodAutoscaler scales. */
export const REPLICA_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'Rollout',
]);

/** A Deployment, StatefulSet, ReplicaSet or Argo Rollout that no other controller owns. */
export function isReplicaWorkload(resource: Resource): boolean {
  const kind = resource.workload?.kind.kind;
  return kind !== undefined && REPLICA_KINDS.has(kind) && !isControllerOwned(resource);
}

/** `spec.replicas` as the API defaults it (absent: 1); undefined when it is not a readable integer. */
export function declaredReplicas(resource: Resource): number | undefined {
  const value = getPath(resource.object, ['spec', 'replicas']);
  if (!isSet(value)) return 1;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The HorizontalPodAutoscalers of the scan whose `scaleTargetRef` names this object, in its namespace (or,
 * with `lenient`, in any compatible namespace: for staying quiet when an HPA would excuse a finding).
 */
export function hpasTargeting(resource: Resource, index: ResourceIndex, lenient = false): Resource[] {
  if (resource.name === undefined) return [];
  const candidates = lenient
    ? index.compatibleWith(resource.namespace, 'HorizontalPodAutoscaler')
    : index.inNamespace('HorizontalPodAutoscaler', resource.namespace);
  return candidates.filter((hpa) => {
    const ref = asObject(getPath(hpa.object, ['spec', 'scaleTargetRef']));
    return ref?.kind === resource.kind && ref.name === resource.name;
  });
}

/** An HPA's `minReplicas` (absent: 1); undefined when it is not a readable integer. */
export function hpaMinReplicas(hpa: Resource): number | undefined {
  const value = getPath(hpa.object, ['spec', 'minReplicas']);
  if (!isSet(value)) return 1;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export interface ReplicaRange {
  min: number;
  max: number;
  /** The HorizontalPodAutoscaler that sets the range, when one targets the workload. */
  hpa?: Resource;
}

/** How many pods a replica workload runs: its HPA's min..max, else `spec.replicas`; undefined if unknown. */
export function replicaRange(resource: Resource, index: ResourceIndex): ReplicaRange | undefined {
  const hpa = hpasTargeting(resource, index)[0];
  if (hpa) {
    const min = hpaMinReplicas(hpa);
    const max = getPath(hpa.object, ['spec', 'maxReplicas']);
    if (min === undefined || typeof max !== 'number') return undefined;
    return { min, max, hpa };
  }
  const replicas = declaredReplicas(resource);
  return replicas === undefined ? undefined : { min: replicas, max: replicas };
}

/** `3 replicas`, or `up to 10 replicas (HorizontalPodAutoscaler "web")`. */
export function describeRange(range: ReplicaRange): string {
  if (range.hpa) return `up to ${range.max} replicas (${objectLabel(range.hpa)})`;
  return `${range.max} replicas`;
}

/** The pod template labels of a workload, or undefined when they hold template placeholders. */
export function templateLabels(workload: Workload): Labels | undefined {
  if (hasTemplate(workload.podMetadata.labels)) return undefined;
  return labelsOf(workload.podMetadata);
}

/** A per-namespace cache key for `index.derived` (undefined namespace: every namespace). */
function namespaceKey(what: string, namespace: string | undefined): string {
  return `${what}\u0000${namespace ?? '\u0001'}`;
}

/** Objects of the scan in `namespace` that create pods (PodTemplate objects do not). */
export function podWorkloadsIn(index: ResourceIndex, namespace: string | undefined): readonly Resource[] {
  return index.derived(namespaceKey('pod-workloads', namespace), () =>
    index
      .compatibleWith(namespace)
      .filter(
        (r) =>
          r.workload !== undefined && r.kind !== 'PodTemplate' && (r.namespace ?? '') === (namespace ?? ''),
      ),
  );
}

/** Services of the scan in a namespace compatible with `namespace` (see `namespacesCompatible`). */
export function servicesNear(index: ResourceIndex, namespace: string | undefined): readonly Resource[] {
  return index.compatibleWith(namespace, 'Service');
}

/** The Services of the scan (compatible namespace, with a selector) that route to pods with these labels. */
export function servicesSelecting(resource: Resource, labels: Labels, index: ResourceIndex): Resource[] {
  const services = index.derived(namespaceKey('service-selectors', resource.namespace), () => {
    const byLabels = new SelectorMapIndex<Resource>();
    for (const service of servicesNear(index, resource.namespace)) {
      if (getPath(service.object, ['spec', 'type']) === 'ExternalName') continue;
      const selector = asObject(getPath(service.object, ['spec', 'selector']));
      if (selector) byLabels.add(service, selector);
    }
    return byLabels;
  });
  return services.matching(labels);
}

/** Whether a PodDisruptionBudget selects pods with these labels (empty selector: all in policy/v1, none before). */
export function pdbSelects(pdb: Resource, labels: Labels): boolean {
  const selector = getPath(pdb.object, ['spec', 'selector']);
  if (!isObject(selector)) return false;
  if (isEmptySelector(selector)) return pdb.apiVersion === 'policy/v1';
  return matchesLabelSelector(selector, labels);
}

/** Containers that run for the pod's lifetime: regular containers and sidecars (`restartPolicy: Always` init containers). */
export function lifetimeContainers(workload: Workload): ContainerView[] {
  return workload.containers.filter((c) => c.type === 'container' || c.sidecar);
}

/**
 * Pods that run until deleted: every kind except Job/CronJob, and only with `restartPolicy` Always
 * (the default), so bare Pods and custom batch kinds that run to completion are left out.
 */
export function isLongRunning(workload: Workload): boolean {
  if (BATCH_KINDS.has(workload.kind.kind)) return false;
  const policy = workload.podSpec.restartPolicy;
  return !isSet(policy) || policy === 'Always';
}

export type ResourceSection = 'limits' | 'requests';
type Presence = 'set' | 'missing' | 'unknown';

function presence(resources: unknown, section: ResourceSection, name: string): Presence {
  if (!isSet(resources)) return 'missing';
  if (!isObject(resources)) return 'unknown';
  const values = resources[section];
  if (!isSet(values)) return 'missing';
  if (!isObject(values) || Object.keys(values).some(isTemplatedText)) return 'unknown';
  return isSet(values[name]) ? 'set' : 'missing';
}

/** Resources pod-level `spec.resources` can set (KEP-2837). */
const POD_LEVEL_RESOURCES = new Set(['cpu', 'memory']);

/** Pod-level resources are beta (on by default) from Kubernetes 1.34; alpha behind a gate in 1.32–1.33. */
function podLevelResourcesApply(settings: EvaluationSettings): boolean {
  const version = settings.kubernetesVersion;
  return version === undefined || version.major > 1 || version.minor >= 34;
}

/** Whether a LimitRange of the namespace gives containers a default `section` value for `name`. */
function limitRangeDefault(
  index: ResourceIndex,
  namespace: string | undefined,
  section: ResourceSection,
  name: string,
): boolean {
  // The API server's LimitRangeItem defaulting: default limit ← max; default request ← default ← max, or min.
  const sources = section === 'limits' ? ['default', 'max'] : ['defaultRequest', 'default', 'max', 'min'];
  return index.inNamespace('LimitRange', namespace).some((limitRange) =>
    asArray(getPath(limitRange.object, ['spec', 'limits'])).some((item) => {
      const object = asObject(item);
      if (object?.type !== 'Container') return false;
      return sources.some((key) => isSet(asObject(object[key])?.[name]));
    }),
  );
}

export interface ResourceContext {
  resource: Resource;
  workload: Workload;
  index: ResourceIndex;
  settings: EvaluationSettings;
}

/**
 * Whether a container ends up with a `section` value for resource `name`: its own, a request implied by
 * its own limit, the pod-level `spec.resources`, or a LimitRange default of the namespace in the scan.
 * Undefined when a templated value makes it impossible to tell.
 */
export function hasEffectiveResource(
  context: ResourceContext,
  container: ContainerView,
  section: ResourceSection,
  name: string,
): boolean | undefined {
  const own = presence(container.spec.resources, section, name);
  if (own !== 'missing') return own === 'set' ? true : undefined;
  if (section === 'requests') {
    // A container that sets only a limit gets a request equal to it.
    const limit = presence(container.spec.resources, 'limits', name);
    if (limit !== 'missing') return limit === 'set' ? true : undefined;
  }
  if (POD_LEVEL_RESOURCES.has(name) && podLevelResourcesApply(context.settings)) {
    const podResources = context.workload.podSpec.resources;
    const sections: ResourceSection[] = section === 'limits' ? ['limits'] : ['requests', 'limits'];
    for (const s of sections) {
      const pod = presence(podResources, s, name);
      if (pod !== 'missing') return pod === 'set' ? true : undefined;
    }
  }
  return limitRangeDefault(context.index, context.resource.namespace, section, name);
}

/**
 * Reports each lifetime container that ends up with no `resources.limits.<name>` (see `hasEffectiveResource`):
 * `<container> has no <label> limit: <consequence>`.
 */
export function reportMissingLimit(
  context: WorkloadRuleContext,
  name: string,
  label: string,
  consequence: string,
): void {
  for (const container of lifetimeContainers(context.workload)) {
    if (hasEffectiveResource(context, container, 'limits', name) !== false) continue;
    context.report({
      message: `${containerLabel(container)} has no ${label} limit: ${consequence}`,
      path: [...container.path, 'resources', 'limits', name],
      container,
    });
  }
}

/** `"http"` or `8080`, as a message shows a port. */
export function showPort(port: unknown): string {
  return typeof port === 'string' ? `"${port}"` : String(port);
}

/** The names a container gives its ports, or undefined when one is templated. */
export function containerPortNames(container: ContainerView): Set<string> | undefined {
  const names = new Set<string>();
  for (const port of asArray(container.spec.ports)) {
    const name = asString(asObject(port)?.name);
    if (name === undefined) continue;
    if (isTemplatedText(name)) return undefined;
    names.add(name);
  }
  return names;
}
