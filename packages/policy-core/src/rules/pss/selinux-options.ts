import type { Path } from '../../types.js';
import { defineRule } from '../rule.js';
import type { ContainerView } from '../../model/workload.js';
import { asObject, isSet } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import {
  PSS_BASELINE_SOURCE,
  containerLabel,
  containerSecurityContextPath,
  inheritedBy,
  inheritingContainers,
  podSecurityContextPath,
  psaSource,
  show,
} from './common.js';

const TYPES_V1_0 = ['container_t', 'container_init_t', 'container_kvm_t'];
/** `container_engine_t` (for container engines running in a pod) is allowed from policy v1.31. */
const TYPES_V1_31 = [...TYPES_V1_0, 'container_engine_t'];

/** PSS baseline "SELinux" (Pod Security admission check `seLinuxOptions`). */
export default defineRule({
  meta: {
    id: 'selinux-options',
    title: 'Custom SELinux type, user or role',
    severity: 'medium',
    category: 'isolation',
    description:
      'The pod or a container (init and ephemeral included) sets `securityContext.seLinuxOptions.type` to anything ' +
      'but empty, `container_t`, `container_init_t` or `container_kvm_t` (plus `container_engine_t` from policy ' +
      'v1.31), or sets a non-empty `seLinuxOptions.user` or `seLinuxOptions.role`. `level` is not restricted. One ' +
      'finding per offending field.',
    rationale:
      'On SELinux hosts the container types confine processes so that, even after a breakout, they cannot touch ' +
      'host files; this is what stopped the runc /proc/self/exe overwrite (CVE-2019-5736) on such hosts. Setting ' +
      'a type such as `spc_t` ("super privileged container") or `unconfined_t`, or a custom SELinux user or role, ' +
      'turns that confinement off.',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_seLinuxOptions.go'),
      {
        title: 'Configure a Security Context: SELinux labels',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container',
      },
    ],
    remediation:
      'Remove `seLinuxOptions.user`/`role` and use a standard container type (or leave `type` unset so the runtime ' +
      'picks it); `level` may be set freely:\n\n' +
      '```yaml\nsecurityContext:\n  seLinuxOptions:\n    type: container_t\n    level: "s0:c123,c456"\n```',
    pss: { level: 'baseline', check: 'seLinuxOptions', since: 'v1.0' },
    tags: ['container-escape', 'selinux', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, settings, report }) {
    const allowedTypes = new Set<unknown>(atLeast(settings.pssVersion, 31) ? TYPES_V1_31 : TYPES_V1_0);
    const allowedText = [...allowedTypes].join(', ');

    const inspect = (
      options: unknown,
      base: Path,
      who: string,
      container: ContainerView | undefined,
    ): void => {
      const selinux = asObject(options);
      if (!selinux) return;
      const source = container ? 'container' : 'pod';
      const type = selinux.type;
      if (isSet(type) && type !== '' && !allowedTypes.has(type)) {
        report({
          message: `${who} sets seLinuxOptions.type to ${show(type)}; only ${allowedText} (or empty) are allowed.`,
          path: [...base, 'type'],
          ...(container && { container }),
          valueSource: source,
          key: 'type',
        });
      }
      for (const field of ['user', 'role'] as const) {
        const value = selinux[field];
        if (!isSet(value) || value === '') continue;
        report({
          message: `${who} sets seLinuxOptions.${field} to ${show(value)}; a custom SELinux ${field} is not allowed.`,
          path: [...base, field],
          ...(container && { container }),
          valueSource: source,
          key: field,
        });
      }
    };

    inspect(
      workload.podSecurityContext.seLinuxOptions,
      podSecurityContextPath(workload, 'seLinuxOptions'),
      `The pod${inheritedBy(inheritingContainers(workload, 'seLinuxOptions'))}`,
      undefined,
    );
    for (const container of workload.containers) {
      inspect(
        container.securityContext.seLinuxOptions,
        containerSecurityContextPath(container, 'seLinuxOptions'),
        containerLabel(container),
        container,
      );
    }
  },
});
