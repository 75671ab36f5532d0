import type { ReportDescriptor } from '../rule.js';
import type { Workload } from '../../model/workload.js';
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

/** The profile types Pod Security admission allows for both seccomp and AppArmor. */
const ALLOWED_PROFILE_TYPES: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

/**
 * Report every `seccompProfile` or `appArmorProfile` that is set, at pod level or on a container, with a type
 * other than RuntimeDefault or Localhost (an unset or null type counts as ""). `requirement` ends the message
 * (e.g. "it must be RuntimeDefault or Localhost.").
 */
export function reportProfileTypeViolations(
  workload: Workload,
  field: 'seccompProfile' | 'appArmorProfile',
  report: (descriptor: ReportDescriptor) => void,
  requirement: string,
): void {
  const podProfile = workload.podSecurityContext[field];
  if (isSet(podProfile)) {
    const type = stringField(asObject(podProfile)?.type);
    if (!ALLOWED_PROFILE_TYPES.has(type)) {
      const inheriting = inheritedBy(inheritingContainers(workload, field));
      report({
        message: `The pod sets ${field}.type to ${show(type)}${inheriting}; ${requirement}`,
        path: podSecurityContextPath(workload, field, 'type'),
        valueSource: 'pod',
      });
    }
  }
  for (const container of workload.containers) {
    const profile = container.securityContext[field];
    if (!isSet(profile)) continue;
    const type = stringField(asObject(profile)?.type);
    if (ALLOWED_PROFILE_TYPES.has(type)) continue;
    report({
      message: `${containerLabel(container)} sets ${field}.type to ${show(type)}; ${requirement}`,
      path: containerSecurityContextPath(container, field, 'type'),
      container,
      valueSource: 'container',
    });
  }
}
