import type { PssVersion } from '../../types.js';
import { defineRule } from '../rule.js';
import { asArray, asObject } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import { PSS_BASELINE_SOURCE, podSecurityContextPath, psaSource, show } from './common.js';

/** The safe sysctl set, by the policy version that added each group. */
const SAFE_SYSCTLS: readonly { since: number; names: readonly string[] }[] = [
  {
    since: 0,
    names: [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
      'net.ipv4.ip_unprivileged_port_start',
    ],
  },
  { since: 27, names: ['net.ipv4.ip_local_reserved_ports'] },
  {
    since: 29,
    names: [
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    ],
  },
  { since: 32, names: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
  { since: 37, names: ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'] },
];

/** The sysctls baseline allows at a policy version (names compare exactly, as Pod Security admission does). */
export function safeSysctls(version: PssVersion): Set<string> {
  return new Set(
    SAFE_SYSCTLS.filter((group) => atLeast(version, group.since)).flatMap((group) => group.names),
  );
}

/** PSS baseline "Sysctls" (Pod Security admission check `sysctls`). */
export default defineRule({
  meta: {
    id: 'unsafe-sysctls',
    title: 'Unsafe sysctl',
    severity: 'medium',
    category: 'isolation',
    description:
      'The pod sets a sysctl in `spec.securityContext.sysctls` whose name is not in the safe set of the policy ' +
      'version (one finding per sysctl). Safe at v1.0: kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, ' +
      'net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start; v1.27 adds ' +
      'net.ipv4.ip_local_reserved_ports; v1.29 adds net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, ' +
      'net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes; v1.32 adds net.ipv4.tcp_rmem, ' +
      'net.ipv4.tcp_wmem; v1.37 adds net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat. Names are ' +
      'compared exactly (the slash form is not recognised).',
    rationale:
      'Only the safe sysctls are namespaced and isolated per pod. Others change kernel behaviour for the whole ' +
      'node (memory, scheduling, networking, panics), so one pod can degrade or crash its neighbours, or weaken ' +
      'protections. Sysctl injection has also been a direct escape path: CVE-2022-0811 ("cr8escape") set ' +
      '`kernel.core_pattern` through a pod sysctl to run code as root on the node.',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_sysctls.go'),
      {
        title: 'Using sysctls in a Kubernetes Cluster',
        url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
      },
    ],
    remediation:
      "Remove the sysctl from the pod, or tune it on the nodes (and allow it with the kubelet's " +
      '`--allowed-unsafe-sysctls` only on dedicated nodes):\n\n' +
      '```yaml\nsecurityContext:\n  sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: "1024 65535"\n```',
    pss: { level: 'baseline', check: 'sysctls', since: 'v1.0' },
    tags: ['node-integrity', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, settings, report }) {
    const safe = safeSysctls(settings.pssVersion);
    asArray(workload.podSecurityContext.sysctls).forEach((raw, index) => {
      const sysctl = asObject(raw);
      const name = sysctl?.name;
      if (typeof name === 'string' && safe.has(name)) return;
      const shown = typeof name === 'string' ? name : show(name ?? '');
      report({
        message: `The pod sets sysctl ${show(name ?? '')}, which is not in the safe set at policy v1.${settings.pssVersion.minor}.`,
        path: podSecurityContextPath(workload, 'sysctls', index, 'name'),
        key: shown,
      });
    });
  },
});
