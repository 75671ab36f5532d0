import { defineRule } from '../rule.js';
import { isSet } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import { PSS_RESTRICTED_SOURCE, containerLabel, psaSource } from './common.js';
import { reportProfileTypeViolations } from './profile-type.js';

/** PSS restricted "Seccomp" (Pod Security admission check `seccompProfile_restricted`, v1.19+). */
export default defineRule({
  meta: {
    id: 'seccomp-profile-missing',
    title: 'Seccomp profile not set to RuntimeDefault or Localhost',
    severity: 'medium',
    category: 'isolation',
    description:
      'From policy v1.19, every container, init container and ephemeral container must run with ' +
      '`seccompProfile.type` `RuntimeDefault` or `Localhost`, set on the container or inherited from a valid ' +
      'pod-level `spec.securityContext.seccompProfile`. Any explicit other type (pod or container) fails, as does ' +
      'a container with no profile when the pod sets none. From policy v1.25 pods with `spec.os.name: windows` are ' +
      'exempt.',
    rationale:
      'Unless the kubelet runs with SeccompDefault, a container without a seccomp profile runs Unconfined and can ' +
      'call every system call, including those behind many kernel privilege-escalation and escape exploits ' +
      '(for example CVE-2022-0185, reached through unshare, which the runtime default profile blocks). Setting ' +
      'the profile explicitly makes the protection independent of node configuration.',
    sources: [
      PSS_RESTRICTED_SOURCE,
      psaSource('check_seccompProfile_restricted.go'),
      {
        title: "Restrict a Container's Syscalls with seccomp",
        url: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
      },
    ],
    remediation:
      'Set the runtime default profile once at pod level (containers inherit it):\n\n' +
      '```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```',
    pss: { level: 'restricted', check: 'seccompProfile_restricted', since: 'v1.19' },
    tags: ['container-escape', 'seccomp', 'pod-security-standards'],
  },
  match: { workloads: true },
  appliesTo(settings) {
    return atLeast(settings.pssVersion, 19);
  },
  check({ workload, settings, report }) {
    if (atLeast(settings.pssVersion, 25) && workload.isWindows) return;
    reportProfileTypeViolations(
      workload,
      'seccompProfile',
      report,
      'it must be RuntimeDefault or Localhost.',
    );
    // A container without a profile inherits the pod's (valid, or reported above); with neither it may run Unconfined.
    if (isSet(workload.podSecurityContext.seccompProfile)) return;
    for (const container of workload.containers) {
      if (isSet(container.securityContext.seccompProfile)) continue;
      const effective = container.effective('seccompProfile');
      report({
        message: `${containerLabel(container)} has no seccomp profile and the pod sets none: it may run Unconfined.`,
        path: [...effective.path, 'type'],
        container,
        valueSource: effective.source,
      });
    }
  },
});
