/** Helpers shared by the container hardening rules (no rule logic lives here). */
import type { Path, RuleSource } from '../../types.js';
import type { EvaluationSettings } from '../rule.js';
import type { ContainerView, InheritedField, Workload } from '../../model/workload.js';
import { isTemplated } from '../../model/image.js';
import { asArray, asObject, asString, isSet, type JsonObject } from '../../model/values.js';
import { containerLabel, inheritedBy } from '../pss/common.js';
import { normalizeHostPath } from '../shared/host-path.js';

export const SECURITY_CONTEXT_SOURCE: RuleSource = {
  title: 'Configure a Security Context for a Pod or Container',
  url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
};

export const USER_NAMESPACES_SOURCE: RuleSource = {
  title: 'Kubernetes: User Namespaces',
  url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/',
};

export const HOST_PATH_SOURCE: RuleSource = {
  title: 'Kubernetes volumes: hostPath',
  url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
};

export const CAPABILITIES_MAN_SOURCE: RuleSource = {
  title: 'capabilities(7)',
  url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html',
};

/** A kube-linter built-in check definition. */
export function kubeLinterSource(file: string): RuleSource {
  return {
    title: `KubeLinter check ${file.replace(/\.yaml$/, '')}`,
    url: `https://github.com/stackrox/kube-linter/blob/main/pkg/builtinchecks/yamls/${file}`,
  };
}

/** A Polaris check definition. */
export function polarisSource(check: string): RuleSource {
  return {
    title: `Polaris check ${check}`,
    url: `https://github.com/FairwindsOps/polaris/blob/master/checks/${check}.yaml`,
  };
}

export { isTemplated };

export { capabilityList, normalizeCapability } from '../shared/capabilities.js';

/**
 * The target Kubernetes minor version, or undefined when unknown (rules then assume the current release).
 * A major version above 1 counts as newer than any 1.x.
 */
export function kubernetesMinor(settings: EvaluationSettings): number | undefined {
  const version = settings.kubernetesVersion;
  if (!version) return undefined;
  return version.major > 1 ? Number.MAX_SAFE_INTEGER : version.minor;
}

/** A whole number, or undefined for anything else (strings, templated values, fractions). */
export function asInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The pod's hostPath volumes by name, with their normalised path (undefined when absent or not a string). */
export function hostPathVolumes(
  workload: Workload,
): Map<string, { index: number; path: string | undefined }> {
  const volumes = new Map<string, { index: number; path: string | undefined }>();
  asArray(workload.podSpec.volumes).forEach((raw, index) => {
    const volume = asObject(raw);
    if (!volume || !isSet(volume.hostPath)) return;
    const name = asString(volume.name);
    if (name === undefined || volumes.has(name)) return;
    const path = asString(asObject(volume.hostPath)?.path);
    volumes.set(name, {
      index,
      path: path === undefined || isTemplated(path) ? undefined : normalizeHostPath(path),
    });
  });
  return volumes;
}

/** One place an inherited security-context value is written, with the containers it applies to. */
export interface EffectiveSetting {
  value: unknown;
  path: Path;
  source: 'container' | 'pod';
  /** The container that sets it itself (source 'container'). */
  container?: ContainerView;
  /** The containers that take it from the pod (source 'pod'). */
  inheriting: ContainerView[];
}

/**
 * Where an inherited field takes effect: once for the pod-level value (when at least one container
 * inherits it) and once per container that sets its own value. Fields nobody sets are left out.
 */
export function effectiveSettings(workload: Workload, field: InheritedField): EffectiveSetting[] {
  const settings: EffectiveSetting[] = [];
  let pod: EffectiveSetting | undefined;
  for (const container of workload.containers) {
    const effective = container.effective(field);
    if (effective.source === 'default') continue;
    if (effective.source === 'container') {
      settings.push({
        value: effective.value,
        path: effective.path,
        source: 'container',
        container,
        inheriting: [],
      });
    } else if (pod) {
      pod.inheriting.push(container);
    } else {
      pod = { value: effective.value, path: effective.path, source: 'pod', inheriting: [container] };
      settings.unshift(pod);
    }
  }
  return settings;
}

/** `Container "app" sets runAsGroup: 0` or `The pod sets runAsGroup: 0 (inherited by container "app")`. */
export function describeSetting(setting: EffectiveSetting, field: string, shown: string): string {
  if (setting.container) return `${containerLabel(setting.container)} sets ${field}: ${shown}`;
  return `The pod sets ${field}: ${shown}${inheritedBy(setting.inheriting)}`;
}

/** True when a container runs privileged (`securityContext.privileged: true`). */
export function isPrivileged(container: ContainerView): boolean {
  return container.securityContext.privileged === true;
}

/** True for an object with at least one key. */
export function nonEmpty(object: JsonObject | undefined): boolean {
  return object !== undefined && Object.keys(object).length > 0;
}
