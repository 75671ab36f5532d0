/**
 * Accelerator facts shared by the GPU rules: extended-resource names, Kubernetes quantities, which pods
 * consume accelerators, and the sources the rules cite. No rule logic lives here.
 */
import type { Path, RuleSource } from '../../types.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import { isTemplated } from '../../model/image.js';
import { asArray, asObject, asString, type JsonObject } from '../../model/values.js';

/** The tag every rule of this group carries. */
export const GPU_TAG = 'gpu';

export const SCHEDULE_GPUS_SOURCE: RuleSource = {
  title: 'Kubernetes: Schedule GPUs',
  url: 'https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/',
};

export const DEVICE_PLUGIN_SHARING_SOURCE: RuleSource = {
  title: 'NVIDIA device plugin: Shared Access to GPUs (time-slicing and MPS)',
  url: 'https://github.com/NVIDIA/k8s-device-plugin#shared-access-to-gpus',
};

export const GPU_OPERATOR_TIME_SLICING_SOURCE: RuleSource = {
  title: 'NVIDIA GPU Operator: Time-Slicing GPUs in Kubernetes',
  url: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/gpu-sharing.html',
};

export const RESOURCE_QUOTA_SOURCE: RuleSource = {
  title: 'Kubernetes: Resource Quotas (extended resources and DRA device classes)',
  url: 'https://kubernetes.io/docs/concepts/policy/resource-quotas/',
};

/** What an accelerator resource name stands for. */
export interface AcceleratorInfo {
  /** `device`: a whole or partitioned device; `share`: an amount of a device (memory, cores) beside a device. */
  role: 'device' | 'share';
  /** True when the device is time-sliced, MPS-shared or virtualised between pods (no hardware isolation). */
  shared: boolean;
  /** An NVIDIA GPU resource (whole GPU, MIG device, shared replica, HAMi or Volcano vGPU). */
  nvidia: boolean;
}

/** Amounts that accompany a device request (HAMi, Volcano vGPU, Intel GPU Aware Scheduling). */
const SHARE_RESOURCES: ReadonlyMap<string, AcceleratorInfo> = new Map([
  ['nvidia.com/gpumem', { role: 'share', shared: true, nvidia: true }],
  ['nvidia.com/gpumem-percentage', { role: 'share', shared: true, nvidia: true }],
  ['nvidia.com/gpucores', { role: 'share', shared: true, nvidia: true }],
  ['volcano.sh/vgpu-memory', { role: 'share', shared: true, nvidia: true }],
  ['volcano.sh/vgpu-memory-percentage', { role: 'share', shared: true, nvidia: true }],
  ['volcano.sh/vgpu-cores', { role: 'share', shared: true, nvidia: true }],
  ['gpu.intel.com/millicores', { role: 'share', shared: true, nvidia: false }],
  ['gpu.intel.com/memory.max', { role: 'share', shared: true, nvidia: false }],
  ['gpu.intel.com/tiles', { role: 'share', shared: false, nvidia: false }],
]);

const DEVICE_RESOURCES: ReadonlySet<string> = new Set([
  'amd.com/gpu',
  'aws.amazon.com/neuron',
  'aws.amazon.com/neuroncore',
  'aws.amazon.com/neurondevice',
  'google.com/tpu',
]);

/**
 * Recognise an accelerator extended resource: NVIDIA (`nvidia.com/gpu`, `nvidia.com/gpu.shared`,
 * `nvidia.com/mig-<profile>[.shared]`, HAMi `nvidia.com/gpumem|gpumem-percentage|gpucores`), Volcano vGPU
 * (`volcano.sh/vgpu-*`), AMD `amd.com/gpu`, Intel `gpu.intel.com/*`, Habana `habana.ai/*`, AWS Neuron
 * `aws.amazon.com/neuron|neuroncore|neurondevice` and Google `google.com/tpu`. Other `nvidia.com/*` names
 * (RDMA, SR-IOV from the network operator) are not GPUs.
 */
function acceleratorInfo(name: string): AcceleratorInfo | undefined {
  const share = SHARE_RESOURCES.get(name);
  if (share) return share;
  if (name === 'nvidia.com/gpu') return { role: 'device', shared: false, nvidia: true };
  if (/^nvidia\.com\/(gpu|mig-[0-9A-Za-z.+-]+)\.shared$/.test(name)) {
    return { role: 'device', shared: true, nvidia: true };
  }
  if (/^nvidia\.com\/mig-[0-9A-Za-z.+-]+$/.test(name)) return { role: 'device', shared: false, nvidia: true };
  if (name === 'volcano.sh/vgpu-number') return { role: 'device', shared: true, nvidia: true };
  if (DEVICE_RESOURCES.has(name)) return { role: 'device', shared: false, nvidia: false };
  if (/^(gpu\.intel\.com|habana\.ai)\/[^/]+$/.test(name))
    return { role: 'device', shared: false, nvidia: false };
  return undefined;
}

const DECIMAL_SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/** A Kubernetes quantity (`1`, `"2"`, `500m`, `1e3`, `4Gi`) as a number; undefined when it is not one. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  const base = Number(match[1]);
  if (match[2] !== undefined) return base * 10 ** Number(match[2]);
  return base * (DECIMAL_SUFFIX[match[3] ?? ''] ?? 1);
}

export function sameQuantity(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function isWholeQuantity(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= 1e-9 * Math.max(1, Math.abs(value));
}

export { isTemplated };

/** A value as a message shows it: `1`, `"500m"`. */
export function showValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** One accelerator resource a container names in `resources.limits` or `resources.requests`. */
export interface AcceleratorUse {
  name: string;
  info: AcceleratorInfo;
  /** Where it is written: the limit when there is one, else the request. */
  path: Path;
  limit?: unknown;
  request?: unknown;
}

function containerResources(container: ContainerView): { limits: JsonObject; requests: JsonObject } {
  const resources = asObject(container.spec.resources);
  return { limits: asObject(resources?.limits) ?? {}, requests: asObject(resources?.requests) ?? {} };
}

/** The accelerator resources a container names, limits first, in the order written. */
export function acceleratorUses(container: ContainerView): AcceleratorUse[] {
  const { limits, requests } = containerResources(container);
  const uses = new Map<string, AcceleratorUse>();
  for (const [list, values] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      const info = acceleratorInfo(name);
      if (!info) continue;
      const use = uses.get(name) ?? { name, info, path: [...container.path, 'resources', list, name] };
      if (list === 'limits') use.limit = value;
      else use.request = value;
      uses.set(name, use);
    }
  }
  return [...uses.values()];
}

/** KAI Scheduler pod annotations that request a fraction of a GPU. */
export const KAI_SHARING_ANNOTATIONS: readonly string[] = ['gpu-fraction', 'gpu-memory'];

/** RuntimeClass names the NVIDIA GPU Operator installs for GPU pods. */
const NVIDIA_RUNTIME_CLASS = /^nvidia(-cdi|-legacy)?$/;

/** `NVIDIA_VISIBLE_DEVICES` values that expose no GPU (`void`, empty, and `none`: driver only). */
export function grantsDevices(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v !== '' && v !== 'void' && v !== 'none';
}

/** Literal `env[].value` of a container, when it is a plain string. */
export function envValue(container: ContainerView, name: string): { value: string; path: Path } | undefined {
  let found: { value: string; path: Path } | undefined;
  asArray(container.spec.env).forEach((raw, index) => {
    const entry = asObject(raw);
    if (!entry || entry.name !== name) return;
    const value = entry.value;
    // The last entry of a name wins, as the kubelet builds the environment.
    found =
      typeof value === 'string' || typeof value === 'number'
        ? { value: String(value), path: [...container.path, 'env', index, 'value'] }
        : undefined;
  });
  return found;
}

/** A DRA device class that stands for accelerators (e.g. `gpu.nvidia.com`, `mig.nvidia.com`, `gpu.intel.com`). */
function isAcceleratorDeviceClass(name: string): boolean {
  return /(^|[.-])(gpu|mig|tpu|neuron|gaudi)([.-]|$)/i.test(name);
}

/** Device classes named in the requests of a ResourceClaim spec (`devices.requests[]`, v1beta1 to v1). */
function deviceClassesOf(claimSpec: unknown): string[] {
  const classes: string[] = [];
  for (const raw of asArray(asObject(asObject(claimSpec)?.devices)?.requests)) {
    const request = asObject(raw);
    if (!request) continue;
    const direct = asString(request.deviceClassName) ?? asString(asObject(request.exactly)?.deviceClassName);
    if (direct) classes.push(direct);
    for (const alternative of asArray(request.firstAvailable)) {
      const name = asString(asObject(alternative)?.deviceClassName);
      if (name) classes.push(name);
    }
  }
  return classes;
}

/** Accelerator device classes of the DRA claims a pod references, resolved through the scanned claims. */
export function draAcceleratorClasses(
  workload: Workload,
  namespace: string | undefined,
  index: ResourceIndex,
): string[] {
  const classes = new Set<string>();
  for (const raw of asArray(workload.podSpec.resourceClaims)) {
    const claim = asObject(raw);
    const claimName = asString(claim?.resourceClaimName);
    const templateName = asString(claim?.resourceClaimTemplateName);
    let spec: unknown;
    if (claimName) spec = index.find('ResourceClaim', namespace, claimName)?.object.spec;
    else if (templateName) {
      spec = asObject(index.find('ResourceClaimTemplate', namespace, templateName)?.object.spec)?.spec;
    }
    for (const name of deviceClassesOf(spec)) if (isAcceleratorDeviceClass(name)) classes.add(name);
  }
  return [...classes];
}

/**
 * Why a pod counts as consuming accelerators (for messages), or undefined: an accelerator resource in any
 * container, KAI fractional-GPU annotations, a DRA claim of an accelerator device class (when `index` is
 * given), a device-granting `NVIDIA_VISIBLE_DEVICES`, or the NVIDIA runtime class.
 */
export function gpuConsumption(
  workload: Workload,
  namespace: string | undefined,
  index?: ResourceIndex,
): string | undefined {
  for (const container of workload.containers) {
    const use = acceleratorUses(container)[0];
    if (use) return use.name;
  }
  const annotations = asObject(workload.podMetadata.annotations) ?? {};
  const kai = KAI_SHARING_ANNOTATIONS.find((key) => annotations[key] !== undefined);
  if (kai) return `the KAI "${kai}" annotation`;
  const dra = index ? draAcceleratorClasses(workload, namespace, index)[0] : undefined;
  if (dra) return `a DRA claim of DeviceClass ${dra}`;
  for (const container of workload.containers) {
    const env = envValue(container, 'NVIDIA_VISIBLE_DEVICES');
    if (env && grantsDevices(env.value) && !isTemplated(env.value)) return 'NVIDIA_VISIBLE_DEVICES';
  }
  const runtimeClass = asString(workload.podSpec.runtimeClassName);
  if (runtimeClass && NVIDIA_RUNTIME_CLASS.test(runtimeClass)) return `runtimeClassName "${runtimeClass}"`;
  return undefined;
}

/** `namespace "team-a"`, or `its namespace` when the manifest names none. */
export function namespaceNoun(namespace: string | undefined): string {
  return namespace === undefined ? 'its namespace' : `namespace "${namespace}"`;
}
