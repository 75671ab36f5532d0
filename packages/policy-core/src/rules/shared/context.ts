/**
 * Context facts several rule groups share: namespace tenancy, platform (system) namespaces and
 * sandbox runtime classes. Config settings win over what the scanned objects say.
 */
import type { Tenancy } from '../../config/types.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { asObject, asString } from '../../model/values.js';
import type { EvaluationSettings } from '../rule.js';

/** Label (on a scanned Namespace) that declares its tenancy, like `namespaces.<ns>.tenancy` in config. */
export const TENANCY_LABEL = 'shiftdown.dev/tenancy';

const TENANCIES: readonly Tenancy[] = ['single', 'multi', 'untrusted'];

/** Namespaces of platform components: tenant-facing rules (GPU sharing, MCP isolation, …) skip them. */
export const DEFAULT_SYSTEM_NAMESPACES: readonly string[] = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'gpu-operator',
  'nvidia-gpu-operator',
  'nvidia-device-plugin',
  'spire',
  'spire-system',
  'spire-server',
  'kai-scheduler',
  'kueue-system',
  'volcano-system',
  'toolhive-system',
  'kmcp-system',
  'kagent',
  'cert-manager',
  'calico-system',
  'tigera-operator',
  'cilium',
];

/** RuntimeClass names that run pods in a sandbox (gVisor, Kata Containers) unless config says otherwise. */
export const DEFAULT_SANDBOX_RUNTIME_CLASSES: readonly string[] = [
  'gvisor',
  'runsc',
  'kata',
  'kata-*',
  'kata-qemu',
  'kata-clh',
  'kata-fc',
];

/**
 * The tenancy of a namespace: config first, then the `shiftdown.dev/tenancy` label of a Namespace
 * object in the scan; undefined when nothing says.
 */
export function tenancyOf(
  namespace: string | undefined,
  settings: EvaluationSettings,
  index: ResourceIndex,
): Tenancy | undefined {
  if (namespace === undefined) return undefined;
  const configured = settings.namespaceTenancy?.[namespace];
  if (configured) return configured;
  const object = index.find('Namespace', undefined, namespace);
  const label = asString(asObject(object?.metadata.labels)?.[TENANCY_LABEL]);
  return TENANCIES.find((t) => t === label);
}

/** True for namespaces shared by several tenants or running untrusted code. */
export function isSharedTenancy(tenancy: Tenancy | undefined): boolean {
  return tenancy === 'multi' || tenancy === 'untrusted';
}

export function isSystemNamespace(namespace: string | undefined, settings: EvaluationSettings): boolean {
  if (namespace === undefined) return false;
  return DEFAULT_SYSTEM_NAMESPACES.includes(namespace) || (settings.systemNamespaces ?? []).includes(namespace);
}

/** Whether a RuntimeClass name is a sandbox (exact names, or `prefix-*` patterns). */
export function isSandboxRuntimeClass(name: string | undefined, settings: EvaluationSettings): boolean {
  if (!name) return false;
  const patterns = settings.sandboxRuntimeClasses ?? DEFAULT_SANDBOX_RUNTIME_CLASSES;
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
  );
}
