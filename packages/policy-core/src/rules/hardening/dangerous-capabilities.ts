import { SEVERITY_RANK, type Severity } from '../../types.js';
import { distinctCapabilities } from '../shared/capabilities.js';
import { defineRule } from '../rule.js';
import { BASELINE_CAPABILITIES } from '../pss/capabilities-beyond-baseline.js';
import { PSS_BASELINE_SOURCE, containerLabel, containerSecurityContextPath, show } from '../pss/common.js';
import { CAPABILITIES_MAN_SOURCE, isTemplated, normalizeCapability, polarisSource } from './common.js';

interface Tier {
  severity: Severity;
  /** What the capability lets an attacker do (completes "SYS_ADMIN …"). */
  effect: string;
}

const CRITICAL: Readonly<Record<string, string>> = {
  ALL: 'grants every capability, which is close to a privileged container',
  SYS_ADMIN:
    'allows mount() and the cgroup v1 release_agent escape (CVE-2022-0492) and opens kernel attack surface such as CVE-2022-0185',
  SYS_MODULE: 'loads kernel modules, that is arbitrary code in the host kernel',
  DAC_READ_SEARCH:
    'allows open_by_handle_at(), which the "Shocker" exploit used to read host files outside the container',
};

const HIGH: Readonly<Record<string, string>> = {
  NET_ADMIN: 'changes interfaces, routes and iptables rules of its network namespace',
  SYS_PTRACE: 'traces and injects code into other processes it can see',
  SYS_RAWIO: 'allows raw I/O: I/O ports, /dev/mem and raw block devices',
  BPF: 'loads eBPF programs, which can read kernel memory and blind runtime detection',
  PERFMON: 'opens perf events and tracing programs that read kernel memory',
  SYS_BOOT: 'reboots the node and loads a new kernel (kexec_load)',
  MAC_ADMIN: 'changes the AppArmor or SELinux policy',
  MAC_OVERRIDE: 'overrides mandatory access control (AppArmor, SELinux)',
  SYSLOG: 'reads the kernel log and kernel addresses, which defeats KASLR',
  SYS_TIME: 'sets the clock of the whole node (time is not namespaced)',
  AUDIT_CONTROL: 'changes or disables the audit rules of the whole node, hiding activity',
};

const MEDIUM: Readonly<Record<string, string>> = {
  NET_RAW: 'opens raw sockets for ARP/DNS spoofing of neighbouring pods (the precondition of CVE-2020-14386)',
};

/** The tier of one added capability that is outside the baseline allow-list. */
function tierOf(
  raw: unknown,
  context: { hostPID: boolean; hostNetwork: boolean; userNamespace: boolean },
): Tier {
  if (typeof raw !== 'string') return { severity: 'medium', effect: 'is not a capability name' };
  const name = normalizeCapability(raw);
  if (name === 'SYS_MODULE' && context.userNamespace) {
    return {
      severity: 'medium',
      effect: 'has no effect in a user namespace (hostUsers: false) but is still outside the baseline set',
    };
  }
  if (name === 'SYS_PTRACE' && context.hostPID) {
    return {
      severity: 'critical',
      effect: 'traces and injects code into every process on the node (the pod sets hostPID: true)',
    };
  }
  if (name === 'NET_ADMIN' && context.hostNetwork) {
    return {
      severity: 'critical',
      effect:
        "rewrites the node's iptables rules and routes (the pod sets hostNetwork: true), defeating node-level controls such as metadata-service blocking",
    };
  }
  const critical = CRITICAL[name];
  if (critical) return { severity: 'critical', effect: critical };
  const high = HIGH[name];
  if (high) return { severity: 'high', effect: high };
  if (BASELINE_CAPABILITIES.has(name)) {
    return {
      severity: 'medium',
      effect: `is not spelled as in the baseline allow-list ("${name}"), which Pod Security admission compares exactly`,
    };
  }
  return { severity: 'medium', effect: MEDIUM[name] ?? 'is outside the Pod Security baseline set' };
}

/** Capability tiers: a finer version of the Pod Security baseline "Capabilities" check. */
export default defineRule({
  meta: {
    id: 'dangerous-capabilities',
    title: 'Dangerous capability added',
    severity: 'high',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container lists capabilities in `securityContext.capabilities.add` ' +
      'that are not in the Pod Security baseline allow-list (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, ' +
      'MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT, compared exactly as Pod Security ' +
      'admission does). One finding per container, at its `add` list, with the severity of the worst capability ' +
      '(names compared case-insensitively and without a `CAP_` prefix for the tier): critical for ALL, SYS_ADMIN, ' +
      'SYS_MODULE, DAC_READ_SEARCH, SYS_PTRACE when the pod sets `hostPID: true` and NET_ADMIN when it sets ' +
      '`hostNetwork: true`; high for NET_ADMIN, SYS_PTRACE, SYS_RAWIO, BPF, PERFMON, SYS_BOOT, MAC_ADMIN, MAC_OVERRIDE, ' +
      'SYSLOG, SYS_TIME and AUDIT_CONTROL; medium for anything else, including NET_RAW, non-string entries and ' +
      'baseline capabilities spelled differently (`chown`, `CAP_CHOWN`). SYS_MODULE is medium in pods with ' +
      '`hostUsers: false`, where it has no effect. Templated entries (`${…}`, `{{…}}`) are not reported. Windows ' +
      'pods are not exempt (the API server rejects capabilities on `os.name: windows` pods anyway). This rule ' +
      'replaces `capabilities-beyond-baseline` when both are enabled.',
    rationale:
      'Capabilities split root into kernel privileges, and several of them are a direct route out of the container ' +
      '(MITRE ATT&CK T1611, Escape to Host). CAP_SYS_ADMIN allows mounts and the cgroup v1 release_agent escape ' +
      '(CVE-2022-0492) and was required by the fsconfig heap overflow CVE-2022-0185; CAP_SYS_MODULE loads code into ' +
      'the host kernel; CAP_DAC_READ_SEARCH enabled the 2014 "Shocker" open_by_handle_at escape; CAP_SYS_PTRACE with ' +
      'hostPID lets a process inject into host processes; CAP_NET_ADMIN with hostNetwork rewrites node iptables, ' +
      'which also removes node-level metadata-service (IMDS) blocks; CAP_BPF/CAP_PERFMON read kernel memory and can ' +
      "blind eBPF-based runtime detection. CAP_NET_RAW, in most runtimes' default set, allows ARP/DNS spoofing and " +
      'was the precondition of CVE-2020-14386. Tiers follow Polaris (dangerousCapabilities) and the Kubescape C-0046 ' +
      'default list.',
    sources: [
      PSS_BASELINE_SOURCE,
      CAPABILITIES_MAN_SOURCE,
      polarisSource('dangerousCapabilities'),
      polarisSource('insecureCapabilities'),
      { title: 'NVD: CVE-2022-0492', url: 'https://nvd.nist.gov/vuln/detail/CVE-2022-0492' },
      { title: 'MITRE ATT&CK T1611: Escape to Host', url: 'https://attack.mitre.org/techniques/T1611/' },
    ],
    remediation:
      'Remove the capability from `add`. Drop everything and add back only what the process needs from the ' +
      'baseline set; tools that really need SYS_ADMIN or SYS_PTRACE belong in a dedicated, isolated node pool:\n\n' +
      '```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]\n```',
    supersedes: ['capabilities-beyond-baseline'],
    tags: ['container-escape', 'capabilities'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const context = {
      hostPID: workload.podSpec.hostPID === true,
      hostNetwork: workload.podSpec.hostNetwork === true,
      userNamespace: workload.userNamespace,
    };
    for (const container of workload.containers) {
      const forbidden = distinctCapabilities(
        container,
        'add',
        show,
        (c) => typeof c === 'string' && (BASELINE_CAPABILITIES.has(c) || isTemplated(c)),
      ).map(({ entry, key }) => ({ shown: key, tier: tierOf(entry, context) }));
      if (forbidden.length === 0) continue;
      const worst = forbidden.reduce((a, b) =>
        SEVERITY_RANK[b.tier.severity] > SEVERITY_RANK[a.tier.severity] ? b : a,
      );
      const names = forbidden.map((f) => f.shown).join(', ');
      const listed = forbidden.length === 1 ? `capability ${names}` : `capabilities ${names}`;
      const why =
        forbidden.length === 1
          ? `: ${worst.shown} ${worst.tier.effect}`
          : `; the worst, ${worst.shown}, ${worst.tier.effect}`;
      report({
        message: `${containerLabel(container)} adds ${listed} outside the Pod Security baseline set${why}.`,
        path: containerSecurityContextPath(container, 'capabilities', 'add'),
        container,
        severity: worst.tier.severity,
      });
    }
  },
});
