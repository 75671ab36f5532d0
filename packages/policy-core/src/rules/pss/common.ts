import type { Path, RuleSource } from '../../types.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import { isSet } from '../../model/values.js';

/** Helpers shared by the Pod Security Standards rules (no rule logic lives here). */

export const PSS_BASELINE_SOURCE: RuleSource = {
  title: 'Pod Security Standards: Baseline',
  url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
};

export const PSS_RESTRICTED_SOURCE: RuleSource = {
  title: 'Pod Security Standards: Restricted',
  url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
};

export const USER_NAMESPACES_PSA_SOURCE: RuleSource = {
  title: 'User namespaces: integration with Pod Security admission checks',
  url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/#integration-with-pod-security-admission-checks',
};

/** The Pod Security admission source file that implements a check. */
export function psaSource(file: string): RuleSource {
  return {
    title: `Pod Security admission ${file}`,
    url: `https://github.com/kubernetes/pod-security-admission/blob/master/policy/${file}`,
  };
}

const CONTAINER_LABELS: Readonly<Record<ContainerView['type'], string>> = {
  container: 'Container',
  initContainer: 'Init container',
  ephemeralContainer: 'Ephemeral container',
};

/** `Container "app"`, `Init container "setup"`, `Ephemeral container "debugger"`. */
export function containerLabel(container: ContainerView): string {
  return `${CONTAINER_LABELS[container.type]} "${container.name}"`;
}

/** `container "app"`, `init container "setup"`: the label for use inside a sentence. */
export function containerNoun(container: ContainerView): string {
  const label = containerLabel(container);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A value as a message shows it: strings quoted, everything else as JSON. Never throws. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** How the capability rules tell `capabilities.add` entries apart: strings as written, anything else as shown. */
export function capabilityKey(entry: unknown): string {
  return typeof entry === 'string' ? entry : show(entry);
}

/** Path of the pod-level securityContext (or of one of its fields) relative to the resource. */
export function podSecurityContextPath(workload: Workload, ...rest: (string | number)[]): Path {
  return [...workload.podSpecPath, 'securityContext', ...rest];
}

/** Path of a container's own securityContext (or of one of its fields) relative to the resource. */
export function containerSecurityContextPath(container: ContainerView, ...rest: (string | number)[]): Path {
  return [...container.path, 'securityContext', ...rest];
}

/** Path of a pod template annotation relative to the resource. */
export function annotationPath(workload: Workload, key: string): Path {
  return [...workload.podMetadataPath, 'annotations', key];
}

/** The names of the containers that take `field` from the pod because they do not set it themselves. */
export function inheritingContainers(
  workload: Workload,
  field: Parameters<ContainerView['effective']>[0],
): ContainerView[] {
  return workload.containers.filter((c) => c.effective(field).source === 'pod');
}

/** ` (inherited by containers "a", "b")` or '' when no container inherits the pod value. */
export function inheritedBy(containers: readonly ContainerView[]): string {
  if (containers.length === 0) return '';
  const names = containers.map((c) => `"${c.name}"`).join(', ');
  return ` (inherited by ${containers.length === 1 ? 'container' : 'containers'} ${names})`;
}

/** True when an own property is present, even with a null value (Go decodes `key: null` as ""). */
export function hasOwn(object: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** A string field as Kubernetes decodes it: unset and null are "". Non-strings stay as they are. */
export function stringField(value: unknown): unknown {
  return isSet(value) ? value : '';
}
