import { defineRule } from '../rule.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { podSecurityContextPath, show } from '../pss/common.js';

/** Sysctls whose value is a program the kernel runs as root on the node. */
const HOST_EXEC_SYSCTLS: Readonly<Record<string, string>> = {
  'kernel.core_pattern':
    'a core_pattern starting with "|" is a program the kernel runs as root on every crash',
  'kernel.modprobe': 'it names the program the kernel runs as root to load modules',
};

/** CVE-2022-0811 ("cr8escape") and the sysctls behind it. */
export default defineRule({
  meta: {
    id: 'sysctl-injection',
    title: 'Sysctl injection or host-execution sysctl',
    severity: 'critical',
    category: 'isolation',
    description:
      'An entry in `spec.securityContext.sysctls` has a string value containing `+` or `=` (one sysctl smuggling ' +
      'another, whatever its name), or is named `kernel.core_pattern` or `kernel.modprobe` (also in the slash form ' +
      '`kernel/core_pattern`), whatever its value. One finding per sysctl, at the value for an injection and at ' +
      'the name otherwise. Other names outside the safe set are the business of `unsafe-sysctls`.',
    rationale:
      'CRI-O from 1.19 (fixed in 1.23.2 and patch releases of the older branches) applied pod sysctls through ' +
      'pinns, which split a value on `+` and `=`: a pod allowed a ' +
      'harmless sysctl could set `kernel.core_pattern` to `|/path/in/container`, then crash a process to make the ' +
      'kernel run that program as root on the node (CVE-2022-0811, "cr8escape"; MITRE ATT&CK T1611). The kubelet ' +
      'refuses non-namespaced sysctls such as `kernel.core_pattern` and `kernel.modprobe`, so a manifest that asks ' +
      'for them is either broken or an escape attempt against a runtime that does not check.',
    sources: [
      { title: 'NVD: CVE-2022-0811', url: 'https://nvd.nist.gov/vuln/detail/CVE-2022-0811' },
      {
        title: 'Using sysctls in a Kubernetes Cluster',
        url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
      },
      {
        title: 'core(5): piping core dumps to a program',
        url: 'https://man7.org/linux/man-pages/man5/core.5.html',
      },
    ],
    remediation:
      'Remove the sysctl; give each sysctl its own entry with a plain value, and keep CRI-O patched (1.23.2 or later):\n\n' +
      '```yaml\nsecurityContext:\n  sysctls:\n    - name: kernel.shm_rmid_forced\n      value: "1"\n```',
    tags: ['container-escape', 'cve', 'sysctls'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    asArray(workload.podSecurityContext.sysctls).forEach((raw, index) => {
      const sysctl = asObject(raw);
      if (!sysctl) return;
      const name = asString(sysctl.name);
      const value = asString(sysctl.value);
      const execEffect = name === undefined ? undefined : HOST_EXEC_SYSCTLS[name.replace(/\//g, '.')];
      const injected = value !== undefined && /[+=]/.test(value);
      if (!execEffect && !injected) return;
      const label = name === undefined ? `sysctl ${index + 1}` : `sysctl ${show(name)}`;
      const parts: string[] = [];
      if (injected)
        parts.push(
          `its value ${show(value)} contains "+" or "=", which unpatched CRI-O splits into further sysctls (CVE-2022-0811)`,
        );
      if (execEffect) parts.push(`${execEffect}, a known container escape`);
      report({
        message: `The pod sets ${label}: ${parts.join('; ')}.`,
        path: podSecurityContextPath(workload, 'sysctls', index, injected ? 'value' : 'name'),
        key: name ?? String(index),
      });
    });
  },
});
