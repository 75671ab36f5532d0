import { defineRule } from '../rule.js';
import { capabilityList, distinctCapabilities } from '../shared/capabilities.js';
import { atLeast } from '../../pss-version.js';
import {
  PSS_RESTRICTED_SOURCE,
  capabilityKey,
  containerLabel,
  containerSecurityContextPath,
  psaSource,
  show,
} from './common.js';

/** PSS restricted "Capabilities" (Pod Security admission check `capabilities_restricted`, v1.22+). */
export default defineRule({
  meta: {
    id: 'capabilities-not-dropped',
    title: 'Capabilities not dropped',
    severity: 'low',
    category: 'isolation',
    description:
      'From policy v1.22, every container, init container and ephemeral container must list `ALL` in ' +
      '`securityContext.capabilities.drop` and may add back only `NET_BIND_SERVICE`. One finding for a missing ' +
      '`drop: ["ALL"]` and one per other added capability. From policy v1.25 pods with `spec.os.name: windows` are ' +
      'exempt.',
    rationale:
      'Container runtimes grant a default capability set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, ' +
      'MKNOD, …) that most applications never use. Each is kernel privilege an attacker inherits on compromise: ' +
      'NET_RAW allows ARP/DNS spoofing of other pods and was needed for CVE-2020-14386, DAC_OVERRIDE bypasses file ' +
      'permissions, SETUID/SETGID ease privilege escalation. Dropping ALL leaves nothing to abuse.',
    sources: [
      PSS_RESTRICTED_SOURCE,
      psaSource('check_capabilities_restricted.go'),
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
    ],
    remediation:
      'Drop all capabilities and add back only NET_BIND_SERVICE when binding a port below 1024:\n\n' +
      '```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]\n```',
    pss: { level: 'restricted', check: 'capabilities_restricted', since: 'v1.22' },
    tags: ['capabilities', 'pod-security-standards'],
  },
  match: { workloads: true },
  appliesTo(settings) {
    return atLeast(settings.pssVersion, 22);
  },
  check({ workload, settings, report }) {
    if (atLeast(settings.pssVersion, 25) && workload.isWindows) return;
    for (const container of workload.containers) {
      if (!capabilityList(container, 'drop').includes('ALL')) {
        report({
          message: `${containerLabel(container)} does not drop ALL capabilities; it must set capabilities.drop: ["ALL"].`,
          path: containerSecurityContextPath(container, 'capabilities', 'drop'),
          container,
          key: 'drop',
        });
      }
      const added = distinctCapabilities(container, 'add', capabilityKey, (c) => c === 'NET_BIND_SERVICE');
      for (const { entry, index, key } of added) {
        report({
          message: `${containerLabel(container)} adds capability ${show(entry)}; restricted allows adding only NET_BIND_SERVICE.`,
          path: containerSecurityContextPath(container, 'capabilities', 'add', index),
          container,
          key: `add:${key}`,
        });
      }
    }
  },
});
