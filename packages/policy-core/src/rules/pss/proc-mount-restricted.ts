import { defineRule } from '../rule.js';
import { isSet } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import {
  PSS_RESTRICTED_SOURCE,
  USER_NAMESPACES_PSA_SOURCE,
  containerLabel,
  containerSecurityContextPath,
  psaSource,
  show,
} from './common.js';

/** PSS restricted "/proc Mount Type" (Pod Security admission check `procMount_restricted`, v1.35+). */
export default defineRule({
  meta: {
    id: 'proc-mount-restricted',
    title: 'Non-default /proc mount (restricted)',
    severity: 'medium',
    category: 'isolation',
    description:
      'From policy v1.35, a container, init container or ephemeral container sets `securityContext.procMount` to ' +
      'anything but `Default`, even when the pod runs in its own user namespace (`spec.hostUsers: false`). This ' +
      'restores, for the restricted level, what baseline relaxes for user-namespaced pods at v1.35.',
    rationale:
      'A user namespace limits what an unmasked /proc exposes, but the masked paths (/proc/kcore, ' +
      '/proc/sysrq-trigger, /proc/sys, …) are still kernel interfaces a hardened workload never needs; any gap ' +
      'in user-namespace isolation or a kernel bug reachable through them becomes a path to the node.',
    sources: [PSS_RESTRICTED_SOURCE, psaSource('check_procMount_restricted.go'), USER_NAMESPACES_PSA_SOURCE],
    remediation:
      'Remove `procMount` or set it to `Default`:\n\n```yaml\nsecurityContext:\n  procMount: Default\n```',
    pss: { level: 'restricted', check: 'procMount_restricted', since: 'v1.35' },
    fixable: true,
    tags: ['container-escape', 'user-namespaces', 'pod-security-standards'],
  },
  match: { workloads: true },
  appliesTo(settings) {
    return atLeast(settings.pssVersion, 35);
  },
  check({ workload, report }) {
    for (const container of workload.containers) {
      const procMount = container.securityContext.procMount;
      if (!isSet(procMount) || procMount === 'Default') continue;
      report({
        message: `${containerLabel(container)} sets procMount to ${show(procMount)}; restricted allows only Default, even with hostUsers: false.`,
        path: containerSecurityContextPath(container, 'procMount'),
        container,
        fix: { description: 'Set procMount to Default', replacement: 'procMount: Default' },
      });
    }
  },
});
