import { defineRule } from '../rule.js';
import { isSet } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import {
  PSS_BASELINE_SOURCE,
  USER_NAMESPACES_PSA_SOURCE,
  containerLabel,
  containerSecurityContextPath,
  psaSource,
  show,
} from './common.js';

/** PSS baseline "/proc Mount Type" (Pod Security admission check `procMount`). */
export default defineRule({
  meta: {
    id: 'unmasked-proc-mount',
    title: 'Unmasked /proc mount',
    severity: 'high',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container sets `securityContext.procMount` to anything but ' +
      '`Default` (e.g. `Unmasked`). From policy v1.35 the baseline check is skipped for pods with ' +
      '`spec.hostUsers: false`, whose /proc belongs to their own user namespace (the restricted level still ' +
      'requires `Default`, see `proc-mount-restricted`).',
    rationale:
      'The default /proc mount masks and makes read-only paths such as /proc/kcore, /proc/sysrq-trigger, ' +
      '/proc/sys and /proc/keys. With an unmasked /proc a container in the host user namespace can read kernel ' +
      'memory and keys or write kernel parameters, for example `kernel.core_pattern` to make the node run an ' +
      'attacker-chosen program as root on the next crash (a classic container escape).',
    sources: [PSS_BASELINE_SOURCE, psaSource('check_procMount_baseline.go'), USER_NAMESPACES_PSA_SOURCE],
    remediation:
      'Remove `procMount` or set it to `Default`. Unmasked /proc is only for nested container runtimes, which ' +
      'should run in a user namespace (`hostUsers: false`):\n\n' +
      '```yaml\nsecurityContext:\n  procMount: Default\n```',
    pss: { level: 'baseline', check: 'procMount', since: 'v1.0' },
    fixable: true,
    tags: ['container-escape', 'user-namespaces', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, settings, report }) {
    // v1.35: a pod in its own user namespace may use any procMount under baseline.
    if (atLeast(settings.pssVersion, 35) && workload.userNamespace) return;
    for (const container of workload.containers) {
      const procMount = container.securityContext.procMount;
      if (!isSet(procMount) || procMount === 'Default') continue;
      report({
        message: `${containerLabel(container)} sets procMount to ${show(procMount)}: /proc is not masked.`,
        path: containerSecurityContextPath(container, 'procMount'),
        container,
        fix: { description: 'Set procMount to Default', replacement: 'procMount: Default' },
      });
    }
  },
});
