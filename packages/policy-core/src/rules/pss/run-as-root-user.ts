import { defineRule } from '../rule.js';
import { atLeast } from '../../pss-version.js';
import {
  PSS_RESTRICTED_SOURCE,
  USER_NAMESPACES_PSA_SOURCE,
  containerLabel,
  containerSecurityContextPath,
  inheritedBy,
  inheritingContainers,
  podSecurityContextPath,
  psaSource,
} from './common.js';

/** PSS restricted "Running as Non-root user" (Pod Security admission check `runAsUser`, v1.23+). */
export default defineRule({
  meta: {
    id: 'run-as-root-user',
    title: 'Runs as UID 0',
    severity: 'medium',
    category: 'isolation',
    description:
      'From policy v1.23, the pod (`spec.securityContext.runAsUser`) or a container, init container or ephemeral ' +
      'container (`securityContext.runAsUser`) explicitly sets `runAsUser: 0`. Unset and non-zero values are ' +
      'allowed. From policy v1.35 the check is skipped for pods with `spec.hostUsers: false`.',
    rationale:
      'UID 0 in a container without a user namespace is UID 0 on the node. An explicit runAsUser: 0 also defeats ' +
      'runAsNonRoot (the kubelet checks the configured user), so a compromise of the process is a compromise as ' +
      'root: it can use every default capability, write root-owned files on shared volumes, and exploit escapes ' +
      'that need root such as CVE-2019-5736.',
    sources: [PSS_RESTRICTED_SOURCE, psaSource('check_runAsUser.go'), USER_NAMESPACES_PSA_SOURCE],
    remediation:
      'Run as a non-zero UID (and build the image for it), or use a user namespace:\n\n' +
      '```yaml\nsecurityContext:\n  runAsUser: 10001\n  runAsNonRoot: true\n```',
    pss: { level: 'restricted', check: 'runAsUser', since: 'v1.23' },
    tags: ['root', 'user-namespaces', 'pod-security-standards'],
  },
  match: { workloads: true },
  appliesTo(settings) {
    return atLeast(settings.pssVersion, 23);
  },
  check({ workload, settings, report }) {
    if (atLeast(settings.pssVersion, 35) && workload.userNamespace) return;
    if (workload.podSecurityContext.runAsUser === 0) {
      report({
        message: `The pod sets runAsUser: 0${inheritedBy(inheritingContainers(workload, 'runAsUser'))}: it runs as root.`,
        path: podSecurityContextPath(workload, 'runAsUser'),
        valueSource: 'pod',
      });
    }
    for (const container of workload.containers) {
      if (container.securityContext.runAsUser !== 0) continue;
      report({
        message: `${containerLabel(container)} sets runAsUser: 0: it runs as root.`,
        path: containerSecurityContextPath(container, 'runAsUser'),
        container,
        valueSource: 'container',
      });
    }
  },
});
