import type { PssLevel } from '../../types.js';
import type { Rule } from '../rule.js';
import windowsHostProcess from './windows-host-process.js';
import hostNamespaces from './host-namespaces.js';
import privilegedContainer from './privileged-container.js';
import capabilitiesBeyondBaseline from './capabilities-beyond-baseline.js';
import hostPathVolume from './host-path-volume.js';
import hostPort from './host-port.js';
import apparmorUnconfined from './apparmor-unconfined.js';
import selinuxOptions from './selinux-options.js';
import unmaskedProcMount from './unmasked-proc-mount.js';
import seccompUnconfined from './seccomp-unconfined.js';
import unsafeSysctls from './unsafe-sysctls.js';
import hostProbesLifecycle from './host-probes-lifecycle.js';
import restrictedVolumeTypes from './restricted-volume-types.js';
import privilegeEscalationAllowed from './privilege-escalation-allowed.js';
import runAsNonRoot from './run-as-non-root.js';
import runAsRootUser from './run-as-root-user.js';
import seccompProfileMissing from './seccomp-profile-missing.js';
import capabilitiesNotDropped from './capabilities-not-dropped.js';
import procMountRestricted from './proc-mount-restricted.js';

/** The baseline level: the 12 Pod Security admission baseline checks. */
const BASELINE_RULES: readonly Rule[] = [
  windowsHostProcess,
  hostNamespaces,
  privilegedContainer,
  capabilitiesBeyondBaseline,
  hostPathVolume,
  hostPort,
  apparmorUnconfined,
  selinuxOptions,
  unmaskedProcMount,
  seccompUnconfined,
  unsafeSysctls,
  hostProbesLifecycle,
];

/** The 7 checks the restricted level adds. */
const RESTRICTED_ONLY_RULES: readonly Rule[] = [
  restrictedVolumeTypes,
  privilegeEscalationAllowed,
  runAsNonRoot,
  runAsRootUser,
  seccompProfileMissing,
  capabilitiesNotDropped,
  procMountRestricted,
];

/** Every Pod Security Standards rule: baseline first, then restricted, in documentation order. */
export const PSS_RULES: readonly Rule[] = [...BASELINE_RULES, ...RESTRICTED_ONLY_RULES];

/**
 * The rules of one Pod Security Standards level. Restricted includes baseline: where Pod Security admission
 * replaces a baseline check by a stricter restricted one (capabilities, seccomp, hostPath, procMount), both run,
 * so a pod may get a finding from each; the allow/deny outcome is the same as admission's.
 */
export function pssRulesFor(level: PssLevel): readonly Rule[] {
  return level === 'baseline' ? BASELINE_RULES : PSS_RULES;
}
