import { defineRule } from '../rule.js';
import { isSet } from '../../model/values.js';
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
  show,
} from './common.js';

/** PSS restricted "Running as Non-root" (Pod Security admission check `runAsNonRoot`). */
export default defineRule({
  meta: {
    id: 'run-as-non-root',
    title: 'runAsNonRoot not required',
    severity: 'medium',
    category: 'isolation',
    description:
      'The pod or a container (init and ephemeral included) does not guarantee `runAsNonRoot: true`: an explicit ' +
      '`runAsNonRoot: false` anywhere fails (even a pod-level false when every container sets true), and a ' +
      'container may leave it unset only when the pod-level `spec.securityContext.runAsNonRoot` is true. From ' +
      'policy v1.35 the check is skipped for pods with `spec.hostUsers: false` (root in a user namespace is not ' +
      'root on the node).',
    rationale:
      'With runAsNonRoot: true the kubelet refuses to start a container whose user is UID 0. Without it, an image ' +
      'that runs as root gives an attacker root in the container, which is root on the node whenever isolation ' +
      'fails: container escapes such as the runc /proc/self/exe overwrite (CVE-2019-5736) need root in the ' +
      'container, and files on shared or host volumes are written as root.',
    sources: [PSS_RESTRICTED_SOURCE, psaSource('check_runAsNonRoot.go'), USER_NAMESPACES_PSA_SOURCE],
    remediation:
      'Require a non-root user at pod level (containers inherit it) and build the image with a numeric non-root ' +
      '`USER`, or run the pod in a user namespace:\n\n' +
      '```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n```',
    pss: { level: 'restricted', check: 'runAsNonRoot', since: 'v1.0' },
    tags: ['root', 'user-namespaces', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, settings, report }) {
    if (atLeast(settings.pssVersion, 35) && workload.userNamespace) return;
    const podValue = workload.podSecurityContext.runAsNonRoot;
    if (isSet(podValue) && podValue !== true) {
      report({
        message: `The pod sets runAsNonRoot to ${show(podValue)}${inheritedBy(inheritingContainers(workload, 'runAsNonRoot'))}; it must be true.`,
        path: podSecurityContextPath(workload, 'runAsNonRoot'),
        valueSource: 'pod',
      });
    }
    for (const container of workload.containers) {
      const own = container.securityContext.runAsNonRoot;
      if (isSet(own)) {
        if (own === true) continue;
        report({
          message: `${containerLabel(container)} sets runAsNonRoot to ${show(own)}; it must be true.`,
          path: containerSecurityContextPath(container, 'runAsNonRoot'),
          container,
          valueSource: 'container',
        });
        continue;
      }
      // Unset: fine when the pod requires non-root; a pod-level non-true value is reported above.
      if (isSet(podValue)) continue;
      const effective = container.effective('runAsNonRoot');
      report({
        message: `${containerLabel(container)} does not set runAsNonRoot: true, and neither does the pod: it may run as root.`,
        path: effective.path,
        container,
        valueSource: effective.source,
      });
    }
  },
});
