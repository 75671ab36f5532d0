import { defineRule } from '../rule.js';
import { asObject, isSet } from '../../model/values.js';
import {
  PSS_BASELINE_SOURCE,
  containerLabel,
  containerSecurityContextPath,
  inheritedBy,
  podSecurityContextPath,
  psaSource,
} from './common.js';

/** PSS baseline "HostProcess" (Pod Security admission check `windowsHostProcess`). */
export default defineRule({
  meta: {
    id: 'windows-host-process',
    title: 'Windows HostProcess container',
    severity: 'critical',
    category: 'isolation',
    description:
      'The pod (`spec.securityContext.windowsOptions.hostProcess`) or a container, init container or ephemeral ' +
      'container (`securityContext.windowsOptions.hostProcess`) sets `hostProcess: true`. Only undefined and ' +
      '`false` are allowed.',
    rationale:
      'A Windows HostProcess container is not isolated at all: it runs as a process on the node, in the host ' +
      'network namespace, with access to the node filesystem and, typically, as NT AUTHORITY\\SYSTEM. Code in it ' +
      "owns the node and every credential on it (kubelet certificates, other pods' secrets), which is the " +
      'Windows equivalent of a privileged container (MITRE ATT&CK T1611, Escape to Host).',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_windowsHostProcess.go'),
      {
        title: 'Create a Windows HostProcess Pod',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
      },
    ],
    remediation:
      'Remove `hostProcess: true` from the pod and container `windowsOptions`, and run node-management tooling ' +
      'outside tenant namespaces:\n\n' +
      '```yaml\nsecurityContext:\n  windowsOptions:\n    hostProcess: false\n```',
    pss: { level: 'baseline', check: 'windowsHostProcess', since: 'v1.0' },
    fixable: true,
    tags: ['container-escape', 'windows', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const fix = { description: 'Set hostProcess to false', replacement: 'hostProcess: false' };
    if (asObject(workload.podSecurityContext.windowsOptions)?.hostProcess === true) {
      const inheriting = workload.containers.filter(
        (c) => !isSet(asObject(c.securityContext.windowsOptions)?.hostProcess),
      );
      report({
        message: `The pod sets windowsOptions.hostProcess: true${inheritedBy(inheriting)}: its containers run as processes on the Windows node.`,
        path: podSecurityContextPath(workload, 'windowsOptions', 'hostProcess'),
        valueSource: 'pod',
        fix,
      });
    }
    for (const container of workload.containers) {
      if (asObject(container.securityContext.windowsOptions)?.hostProcess === true) {
        report({
          message: `${containerLabel(container)} sets windowsOptions.hostProcess: true: it runs as a process on the Windows node.`,
          path: containerSecurityContextPath(container, 'windowsOptions', 'hostProcess'),
          container,
          valueSource: 'container',
          fix,
        });
      }
    }
  },
});
