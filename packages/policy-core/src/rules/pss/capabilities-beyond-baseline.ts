import { defineRule } from '../rule.js';
import { distinctCapabilities } from '../shared/capabilities.js';
import {
  PSS_BASELINE_SOURCE,
  capabilityKey,
  containerLabel,
  containerSecurityContextPath,
  psaSource,
  show,
} from './common.js';

/** The capabilities a container runtime grants by default: adding them back is allowed by baseline. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** PSS baseline "Capabilities" (Pod Security admission check `capabilities_baseline`). */
export default defineRule({
  meta: {
    id: 'capabilities-beyond-baseline',
    title: 'Capability added beyond the baseline set',
    severity: 'high',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container lists a capability in `securityContext.capabilities.add` ' +
      'that is not in the default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, ' +
      'NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Names are compared exactly, as Pod Security ' +
      'admission does: `ALL`, `NET_RAW`, `SYS_ADMIN`, lower-case names and `CAP_`-prefixed names are all forbidden. ' +
      'One finding per forbidden capability.',
    rationale:
      'Extra capabilities hand kernel privileges to the container. CAP_SYS_ADMIN allows mounts and the cgroup ' +
      'release_agent escape (CVE-2022-0492); CAP_SYS_MODULE loads kernel modules; CAP_SYS_PTRACE injects code into ' +
      'other processes; CAP_NET_RAW enables ARP/DNS spoofing of neighbouring pods and was the precondition of the ' +
      'packet-socket kernel exploit CVE-2020-14386; `ALL` grants all of them (MITRE ATT&CK T1611, Escape to Host).',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_capabilities_baseline.go'),
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
    ],
    remediation:
      'Remove the capability from `add`. Drop everything and add back only what the process needs from the ' +
      'default set:\n\n' +
      '```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]\n```',
    pss: { level: 'baseline', check: 'capabilities_baseline', since: 'v1.0' },
    tags: ['container-escape', 'capabilities', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      const added = distinctCapabilities(
        container,
        'add',
        capabilityKey,
        (c) => typeof c === 'string' && BASELINE_CAPABILITIES.has(c),
      );
      for (const { entry, index, key } of added) {
        report({
          message: `${containerLabel(container)} adds capability ${show(entry)}, which is outside the baseline set.`,
          path: containerSecurityContextPath(container, 'capabilities', 'add', index),
          container,
          key,
        });
      }
    }
  },
});
