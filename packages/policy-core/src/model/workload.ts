import type { Path } from '../types.js';
import { asArray, asObject, asString, getPath, isObject, isSet, type JsonObject } from './values.js';

/**
 * Where a kind keeps its pod template. Built-in kinds are listed in BUILTIN_WORKLOAD_KINDS; callers
 * (config, other rule packs) can add more, e.g. custom resources that embed a PodTemplateSpec.
 */
export interface WorkloadKind {
  kind: string;
  /** API groups the kind belongs to ('' is the core group). Omitted: any group. */
  groups?: string[];
  /** Path to the PodSpec inside the object. */
  podSpecPath: Path;
  /** Path to the pod template's metadata (labels, annotations). */
  podMetadataPath: Path;
}

const TEMPLATE_SPEC: Path = ['spec', 'template', 'spec'];
const TEMPLATE_META: Path = ['spec', 'template', 'metadata'];

export const BUILTIN_WORKLOAD_KINDS: readonly WorkloadKind[] = [
  { kind: 'Pod', groups: [''], podSpecPath: ['spec'], podMetadataPath: ['metadata'] },
  { kind: 'Deployment', groups: ['apps', 'extensions'], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
  { kind: 'ReplicaSet', groups: ['apps', 'extensions'], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
  { kind: 'StatefulSet', groups: ['apps'], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
  { kind: 'DaemonSet', groups: ['apps', 'extensions'], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
  { kind: 'ReplicationController', groups: [''], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
  { kind: 'Job', groups: ['batch'], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
  {
    kind: 'CronJob',
    groups: ['batch'],
    podSpecPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  },
  { kind: 'PodTemplate', groups: [''], podSpecPath: ['template', 'spec'], podMetadataPath: ['template', 'metadata'] },
  // Well-known custom workload kinds whose pod template sits where a Deployment's does.
  { kind: 'Rollout', groups: ['argoproj.io'], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
  { kind: 'DeploymentConfig', groups: ['apps.openshift.io', ''], podSpecPath: TEMPLATE_SPEC, podMetadataPath: TEMPLATE_META },
];

/** Kinds that run to completion: probes and long-running expectations do not apply. */
export const BATCH_KINDS = new Set(['Job', 'CronJob']);

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

const CONTAINER_LISTS: readonly [ContainerType, string][] = [
  ['initContainer', 'initContainers'],
  ['container', 'containers'],
  ['ephemeralContainer', 'ephemeralContainers'],
];

/** Security-context fields a container inherits from the pod when it does not set them itself. */
export const INHERITED_FIELDS = [
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'seLinuxOptions',
  'seccompProfile',
  'appArmorProfile',
  'windowsOptions',
] as const;
export type InheritedField = (typeof INHERITED_FIELDS)[number];

export interface EffectiveValue {
  value: unknown;
  /** Where the value was written, or 'default' when neither the container nor the pod sets it. */
  source: 'container' | 'pod' | 'default';
  /** Path (relative to the resource) where it is written, or where it would be written. */
  path: Path;
}

export interface ContainerView {
  type: ContainerType;
  /** Index in its list (containers, initContainers or ephemeralContainers). */
  index: number;
  name: string;
  spec: JsonObject;
  /** Path of the container object relative to the resource. */
  path: Path;
  /** An init container with `restartPolicy: Always` runs for the pod's lifetime (a sidecar). */
  sidecar: boolean;
  /** The container's own securityContext (may be empty). */
  securityContext: JsonObject;
  /**
   * The effective value of an inherited field, with Kubernetes' rules: the container's value wins,
   * else the pod's. windowsOptions merge field by field, as the kubelet does.
   */
  effective(field: InheritedField): EffectiveValue;
}

export interface Workload {
  kind: WorkloadKind;
  podSpecPath: Path;
  podMetadataPath: Path;
  podSpec: JsonObject;
  podMetadata: JsonObject;
  /** The pod-level securityContext (may be empty). */
  podSecurityContext: JsonObject;
  containers: ContainerView[];
  /** Windows pods (spec.os.name: windows) are exempt from some restricted checks. */
  isWindows: boolean;
  /** `spec.hostUsers: false` runs the pod in its own user namespace. */
  userNamespace: boolean;
}

export function findWorkloadKind(
  kind: string,
  apiVersion: string,
  kinds: readonly WorkloadKind[],
): WorkloadKind | undefined {
  const group = apiGroup(apiVersion);
  return kinds.find((k) => k.kind === kind && (!k.groups || k.groups.includes(group)));
}

/** Build the workload view of an object, or undefined when its pod spec is absent. */
export function buildWorkload(object: JsonObject, kind: WorkloadKind): Workload | undefined {
  const podSpec = asObject(getPath(object, kind.podSpecPath));
  if (!podSpec) return undefined;
  const podMetadata = asObject(getPath(object, kind.podMetadataPath)) ?? {};
  const podSecurityContext = asObject(podSpec.securityContext) ?? {};
  const podScPath: Path = [...kind.podSpecPath, 'securityContext'];
  const containers: ContainerView[] = [];
  for (const [type, listName] of CONTAINER_LISTS) {
    asArray(podSpec[listName]).forEach((raw, index) => {
      const spec = asObject(raw);
      if (!spec) return;
      const path: Path = [...kind.podSpecPath, listName, index];
      containers.push(new Container(type, index, listName, spec, path, podSecurityContext, podScPath));
    });
  }
  return {
    kind,
    podSpecPath: kind.podSpecPath,
    podMetadataPath: kind.podMetadataPath,
    podSpec,
    podMetadata,
    podSecurityContext,
    containers,
    isWindows: asString(asObject(podSpec.os)?.name) === 'windows',
    userNamespace: podSpec.hostUsers === false,
  };
}

/** A container of a workload (a class, not closures: a scan keeps every workload until it ends). */
class Container implements ContainerView {
  readonly name: string;
  readonly sidecar: boolean;
  readonly securityContext: JsonObject;
  readonly #ownSecurityContext: JsonObject;
  readonly #podSecurityContext: JsonObject;
  readonly #podScPath: Path;

  constructor(
    readonly type: ContainerType,
    readonly index: number,
    listName: string,
    readonly spec: JsonObject,
    readonly path: Path,
    podSecurityContext: JsonObject,
    podScPath: Path,
  ) {
    this.name = asString(spec.name) ?? `${listName}[${index}]`;
    this.sidecar = type === 'initContainer' && spec.restartPolicy === 'Always';
    this.securityContext = asObject(spec.securityContext) ?? {};
    this.#ownSecurityContext = this.securityContext;
    this.#podSecurityContext = podSecurityContext;
    this.#podScPath = podScPath;
  }

  effective(field: InheritedField): EffectiveValue {
    return effectiveValue(field, this.#ownSecurityContext, this.#podSecurityContext, this.path, this.#podScPath);
  }
}

function effectiveValue(
  field: InheritedField,
  container: JsonObject,
  pod: JsonObject,
  containerPath: Path,
  podScPath: Path,
): EffectiveValue {
  const containerValuePath: Path = [...containerPath, 'securityContext', field];
  const own = container[field];
  const inherited = pod[field];
  if (field === 'windowsOptions' && isObject(own) && isObject(inherited)) {
    return { value: { ...inherited, ...stripUnset(own) }, source: 'container', path: containerValuePath };
  }
  if (isSet(own)) return { value: own, source: 'container', path: containerValuePath };
  if (isSet(inherited)) return { value: inherited, source: 'pod', path: [...podScPath, field] };
  return { value: undefined, source: 'default', path: containerValuePath };
}

function stripUnset(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => isSet(v)));
}
