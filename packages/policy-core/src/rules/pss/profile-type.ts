import type { Path } from '../../types.js';
import type { ReportDescriptor } from '../rule.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import { asObject, isSet } from '../../model/values.js';
import {
  containerLabel,
  containerSecurityContextPath,
  inheritedBy,
  inheritingContainers,
  podSecurityContextPath,
  show,
  stringField,
} from './common.js';

export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
export const ALLOWED_SECCOMP_TYPES: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

/** A `seccompProfile` that is set, at pod level or on a container, with a type other than the allowed ones. */
export interface SeccompTypeViolation {
  /** Undefined for the pod-level profile. */
  container?: ContainerView;
  /** The type as Kubernetes decodes it (unset and null are ""). */
  type: unknown;
  path: Path;
}

/**
 * The set seccomp profiles whose type is not RuntimeDefault or Localhost (both the baseline and the
 * restricted check forbid them from v1.19; they differ on profiles that are not set at all).
 */
export function seccompTypeViolations(workload: Workload): SeccompTypeViolation[] {
  const violations: SeccompTypeViolation[] = [];
  const podProfile = workload.podSecurityContext.seccompProfile;
  if (isSet(podProfile)) {
    const type = stringField(asObject(podProfile)?.type);
    if (!ALLOWED_SECCOMP_TYPES.has(type)) {
      violations.push({ type, path: podSecurityContextPath(workload, 'seccompProfile', 'type') });
    }
  }
  for (const container of workload.containers) {
    const profile = container.securityContext.seccompProfile;
    if (!isSet(profile)) continue;
    const type = stringField(asObject(profile)?.type);
    if (!ALLOWED_SECCOMP_TYPES.has(type)) {
      violations.push({ container, type, path: containerSecurityContextPath(container, 'seccompProfile', 'type') });
    }
  }
  return violations;
}

/** Report every seccompTypeViolation; `requirement` ends the message (e.g. "it must be RuntimeDefault or Localhost."). */
export function reportSeccompTypeViolations(
  workload: Workload,
  report: (descriptor: ReportDescriptor) => void,
  requirement: string,
): void {
  for (const { container, type, path } of seccompTypeViolations(workload)) {
    if (container) {
      report({
        message: `${containerLabel(container)} sets seccompProfile.type to ${show(type)}; ${requirement}`,
        path,
        container,
        valueSource: 'container',
      });
    } else {
      const inheriting = inheritedBy(inheritingContainers(workload, 'seccompProfile'));
      report({ message: `The pod sets seccompProfile.type to ${show(type)}${inheriting}; ${requirement}`, path, valueSource: 'pod' });
    }
  }
}
