/** Helpers shared by the workload identity rules (no rule logic lives here). */
import type { Path, RuleSource } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import { isTemplatedText, parseImageRef } from '../../model/image.js';
import { asArray, asObject, asString, isSet, type JsonObject } from '../../model/values.js';
import type { EvaluationSettings } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { normalizeHostPath } from '../shared/host-path.js';

export const SERVICE_ACCOUNTS_SOURCE: RuleSource = {
  title: 'Kubernetes: Configure Service Accounts for Pods',
  url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
};

export const SERVICE_ACCOUNTS_ADMIN_SOURCE: RuleSource = {
  title: 'Kubernetes: Managing Service Accounts (ServiceAccount admission controller)',
  url: 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
};

export const SPIFFE_CSI_SOURCE: RuleSource = {
  title: 'SPIFFE CSI Driver',
  url: 'https://github.com/spiffe/spiffe-csi',
};

/** The ServiceAccount a pod runs as, resolved the way the API server does. */
export interface ServiceAccountRef {
  /** The name (`default` when neither field is set). */
  name: string;
  /** The field the name comes from; undefined when neither is set and the API server fills in `default`. */
  field?: 'serviceAccountName' | 'serviceAccount';
  /** Path of that field, or of the pod spec when neither is set. */
  path: Path;
  /** False when the name is templated or not a string: rules cannot judge it. */
  known: boolean;
}

/**
 * `serviceAccountName` wins; the deprecated `serviceAccount` alias is used only when `serviceAccountName` is
 * empty (pkg/apis/core/v1/conversion.go); neither set means `default`.
 */
export function serviceAccountOf(workload: Workload): ServiceAccountRef {
  for (const field of ['serviceAccountName', 'serviceAccount'] as const) {
    const value = workload.podSpec[field];
    if (!isSet(value) || value === '') continue;
    const path: Path = [...workload.podSpecPath, field];
    if (typeof value !== 'string') return { name: String(value), field, path, known: false };
    return { name: value, field, path, known: !isTemplatedText(value) };
  }
  return { name: 'default', path: workload.podSpecPath, known: true };
}

export type TokenMount = 'mounted' | 'not-mounted' | 'unknown';

/**
 * Whether Kubernetes automounts the ServiceAccount's API token into the pod: the pod's
 * `automountServiceAccountToken` wins, else the ServiceAccount's (when it is in the scan), else it is
 * mounted. A templated or malformed value gives `unknown`.
 */
export function automountState(workload: Workload, serviceAccount: Resource | undefined): TokenMount {
  const pod = workload.podSpec.automountServiceAccountToken;
  if (pod === true) return 'mounted';
  if (pod === false) return 'not-mounted';
  if (isSet(pod)) return 'unknown';
  const sa = serviceAccount?.object.automountServiceAccountToken;
  if (sa === false) return 'not-mounted';
  if (isSet(sa) && sa !== true) return 'unknown';
  return 'mounted';
}

/** `namespace "shop"`, or a phrase for objects that set no namespace. */
export function namespacePhrase(namespace: string | undefined): string {
  return namespace === undefined ? 'the same namespace (none is set)' : `namespace "${namespace}"`;
}

export interface VolumeView {
  name: string;
  index: number;
  spec: JsonObject;
  /** Path of the volume object relative to the resource. */
  path: Path;
}

export function volumesOf(workload: Workload): VolumeView[] {
  const out: VolumeView[] = [];
  asArray(workload.podSpec.volumes).forEach((raw, index) => {
    const spec = asObject(raw);
    if (!spec) return;
    out.push({
      name: asString(spec.name) ?? `volumes[${index}]`,
      index,
      spec,
      path: [...workload.podSpecPath, 'volumes', index],
    });
  });
  return out;
}

export interface MountView {
  container: ContainerView;
  index: number;
  spec: JsonObject;
  mountPath?: string;
  /** Path of the volumeMount object relative to the resource. */
  path: Path;
}

/** The volumeMounts of every container (init, regular and ephemeral) that mount `volumeName`. */
export function mountsOf(workload: Workload, volumeName: string): MountView[] {
  const out: MountView[] = [];
  for (const container of workload.containers) out.push(...containerMounts(container, volumeName));
  return out;
}

/** The volumeMounts of one container, optionally only those of one volume. */
export function containerMounts(container: ContainerView, volumeName?: string): MountView[] {
  const out: MountView[] = [];
  asArray(container.spec.volumeMounts).forEach((raw, index) => {
    const spec = asObject(raw);
    if (!spec) return;
    if (volumeName !== undefined && spec.name !== volumeName) return;
    const mountPath = asString(spec.mountPath);
    out.push({
      container,
      index,
      spec,
      ...(mountPath !== undefined && { mountPath }),
      path: [...container.path, 'volumeMounts', index],
    });
  });
  return out;
}

/** The Secret names a volume projects (`secret` or `projected` secret sources); undefined when none. */
export function secretNamesOfVolume(volume: JsonObject): string[] | undefined {
  const secret = asObject(volume.secret);
  if (secret) return [asString(secret.secretName) ?? '?'];
  const names: string[] = [];
  for (const source of asArray(asObject(volume.projected)?.sources)) {
    const projected = asObject(asObject(source)?.secret);
    if (projected) names.push(asString(projected.name) ?? '?');
  }
  return names.length > 0 ? names : undefined;
}

/**
 * An absolute path as the kernel resolves it (`normalizeHostPath`); a relative one is taken from `/`, as
 * the runtime takes a relative mountPath from the container's root.
 */
export function normalisePath(path: string): string {
  const trimmed = path.trim();
  return normalizeHostPath(trimmed.startsWith('/') ? trimmed : `/${trimmed}`);
}

/** Images of SPIRE itself: the agent serves the socket, the CSI driver and server manage it. */
const SPIRE_COMPONENT_IMAGE = /(^|\/)(spire-agent|spire-server|spiffe-csi-driver|spire-controller-manager)$/;

/**
 * SPIRE's own components and other platform workloads legitimately reach the agent socket on the node: pods in
 * a platform namespace (`spire`, `spire-system`, `kube-system`, … and `systemNamespaces` from config), or whose
 * containers run a SPIRE component image.
 */
export function isSpirePlatformWorkload(
  resource: Resource,
  workload: Workload,
  settings: EvaluationSettings,
): boolean {
  if (isSystemNamespace(resource.namespace, settings)) return true;
  return workload.containers.some((container) => {
    const image = asString(container.spec.image);
    return image !== undefined && SPIRE_COMPONENT_IMAGE.test(parseImageRef(image).repository);
  });
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * A Go `time.ParseDuration` string (`1h30m`, `90s`, `1.5h`, `300ms`, `0`) in seconds; undefined when it does not
 * parse (Go has no `d` unit).
 */
export function parseGoDuration(text: string): number | undefined {
  let rest = text.trim();
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest.startsWith('-')) sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  let total = 0;
  while (rest !== '') {
    const match = part.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * DURATION_UNITS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return sign * total;
}

/** Seconds as a short Go-style duration: `90s`, `36h`, `1h30m` (no day unit, as in Go). */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
}
