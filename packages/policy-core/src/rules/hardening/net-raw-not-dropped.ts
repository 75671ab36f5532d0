import { defineRule } from '../rule.js';
import { containerLabel, containerSecurityContextPath } from '../pss/common.js';
import {
  CAPABILITIES_MAN_SOURCE,
  capabilityList,
  isPrivileged,
  isTemplated,
  kubeLinterSource,
  normalizeCapability,
} from './common.js';

/** kube-linter's drop-net-raw-capability: NET_RAW is in the runtime default set and must be dropped. */
export default defineRule({
  meta: {
    id: 'net-raw-not-dropped',
    title: 'NET_RAW capability not dropped',
    severity: 'low',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container does not list `NET_RAW` or `ALL` in ' +
      '`securityContext.capabilities.drop` (compared case-insensitively, with or without a `CAP_` prefix). Not ' +
      'reported for privileged containers (privileged-container covers them), for containers that add NET_RAW ' +
      '(dangerous-capabilities covers them), when a drop entry is templated, or in Windows pods ' +
      '(`spec.os.name: windows`), which have no Linux capabilities.',
    rationale:
      'containerd, CRI-O and Docker grant CAP_NET_RAW by default. It lets a compromised process craft raw packets: ' +
      'ARP and DNS spoofing of other pods on the same node, and it was the precondition of the AF_PACKET kernel ' +
      'exploit CVE-2020-14386. Very few applications need it (ping can use ICMP sockets via ' +
      '`net.ipv4.ping_group_range`).',
    sources: [
      kubeLinterSource('drop-net-raw-capability.yaml'),
      CAPABILITIES_MAN_SOURCE,
      { title: 'NVD: CVE-2020-14386', url: 'https://nvd.nist.gov/vuln/detail/CVE-2020-14386' },
    ],
    remediation:
      'Drop all capabilities (or at least NET_RAW):\n\n' +
      '```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n```',
    recommended: false,
    tags: ['capabilities', 'container-escape'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    if (workload.isWindows) return;
    for (const container of workload.containers) {
      if (isPrivileged(container)) continue;
      const drop = capabilityList(container, 'drop');
      if (drop.some(isTemplated)) continue;
      const dropped = drop.filter((c): c is string => typeof c === 'string').map(normalizeCapability);
      if (dropped.includes('ALL') || dropped.includes('NET_RAW')) continue;
      const added = capabilityList(container, 'add').filter((c): c is string => typeof c === 'string');
      if (added.map(normalizeCapability).some((c) => c === 'NET_RAW' || c === 'ALL')) continue;
      report({
        message: `${containerLabel(container)} keeps the default NET_RAW capability, which allows packet spoofing on the node network; drop it (or ALL).`,
        path: containerSecurityContextPath(container, 'capabilities', 'drop'),
        container,
      });
    }
  },
});
