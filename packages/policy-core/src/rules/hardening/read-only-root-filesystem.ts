import { defineRule } from '../rule.js';
import { containerLabel, containerSecurityContextPath } from '../pss/common.js';
import { SECURITY_CONTEXT_SOURCE, isTemplated, kubeLinterSource, polarisSource } from './common.js';

/** Containers should not be able to modify their own image filesystem. */
export default defineRule({
  meta: {
    id: 'read-only-root-filesystem',
    title: 'Root filesystem is writable',
    severity: 'low',
    category: 'isolation',
    description:
      'A container or init container does not set `securityContext.readOnlyRootFilesystem: true` (the field does ' +
      'not inherit from the pod). Ephemeral debug containers are not checked, nor are Windows pods ' +
      '(`spec.os.name: windows`), where the field cannot be set, nor templated values.',
    rationale:
      'A writable root filesystem lets an attacker who gains code execution download tools, drop web shells, replace ' +
      'binaries and libraries the application loads later, or persist across process restarts inside the container ' +
      '(MITRE ATT&CK T1105 Ingress Tool Transfer, T1505.003 Web Shell). With a read-only root, writable state is ' +
      'limited to explicitly mounted volumes, which are easier to monitor and to size-limit.',
    sources: [
      SECURITY_CONTEXT_SOURCE,
      kubeLinterSource('read-only-root-fs.yaml'),
      polarisSource('notReadOnlyRootFilesystem'),
    ],
    remediation:
      'Make the root filesystem read-only and mount an emptyDir where the application writes:\n\n' +
      '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n' +
      '      - name: tmp\n        mountPath: /tmp\nvolumes:\n  - name: tmp\n    emptyDir:\n      sizeLimit: 64Mi\n```',
    tags: ['immutability'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    if (workload.isWindows) return;
    for (const container of workload.containers) {
      if (container.type === 'ephemeralContainer') continue;
      const value = container.securityContext.readOnlyRootFilesystem;
      if (value === true || isTemplated(value)) continue;
      const state =
        value === false ? 'sets readOnlyRootFilesystem: false' : 'does not set readOnlyRootFilesystem: true';
      report({
        message: `${containerLabel(container)} ${state}, so a compromised process can modify its filesystem and persist tools there.`,
        path: containerSecurityContextPath(container, 'readOnlyRootFilesystem'),
        container,
      });
    }
  },
});
