import { defineRule } from '../rule.js';
import { isSet } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import {
  PSS_RESTRICTED_SOURCE,
  containerLabel,
  containerSecurityContextPath,
  psaSource,
  show,
} from './common.js';

/** PSS restricted "Privilege Escalation" (Pod Security admission check `allowPrivilegeEscalation`, v1.8+). */
export default defineRule({
  meta: {
    id: 'privilege-escalation-allowed',
    title: 'Privilege escalation not disabled',
    severity: 'medium',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container does not set `securityContext.allowPrivilegeEscalation: ' +
      'false` (unset counts as allowed). From policy v1.25 pods with `spec.os.name: windows` are exempt.',
    rationale:
      'Unless allowPrivilegeEscalation is false, the container runs without the Linux `no_new_privs` flag, so ' +
      "set-user-ID/set-group-ID binaries and file capabilities in the image can raise a process's privileges: " +
      'an attacker with code execution as an unprivileged user becomes root in the container through a setuid ' +
      'binary or a bug in one (e.g. PwnKit, CVE-2021-4034 in setuid pkexec), one step closer to the node.',
    sources: [
      PSS_RESTRICTED_SOURCE,
      psaSource('check_allowPrivilegeEscalation.go'),
      { title: 'Linux no_new_privs', url: 'https://docs.kernel.org/userspace-api/no_new_privs.html' },
    ],
    remediation:
      'Set it on every container, init container and ephemeral container:\n\n' +
      '```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n```',
    pss: { level: 'restricted', check: 'allowPrivilegeEscalation', since: 'v1.8' },
    fixable: true,
    tags: ['privilege-escalation', 'pod-security-standards'],
  },
  match: { workloads: true },
  appliesTo(settings) {
    return atLeast(settings.pssVersion, 8);
  },
  check({ workload, settings, report }) {
    if (atLeast(settings.pssVersion, 25) && workload.isWindows) return;
    for (const container of workload.containers) {
      const value = container.securityContext.allowPrivilegeEscalation;
      if (value === false) continue;
      const path = containerSecurityContextPath(container, 'allowPrivilegeEscalation');
      if (isSet(value)) {
        report({
          message: `${containerLabel(container)} sets allowPrivilegeEscalation to ${show(value)}; it must be false.`,
          path,
          container,
          fix: {
            description: 'Set allowPrivilegeEscalation to false',
            replacement: 'allowPrivilegeEscalation: false',
          },
        });
      } else {
        report({
          message: `${containerLabel(container)} does not set allowPrivilegeEscalation: false, so privilege escalation is allowed.`,
          path,
          container,
        });
      }
    }
  },
});
