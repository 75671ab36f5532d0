import { defineRule } from '../rule.js';
import { asString } from '../../model/values.js';
import { containerLabel, show } from '../pss/common.js';
import { normalizeHostPath } from '../shared/host-path.js';

/** `/proc/self/fd/…`, `/proc/thread-self/fd/…` or `/proc/<pid>/fd/…` (after normalisation). */
const FD_PATH = /^\/proc\/(?:self|thread-self|\d+)\/fd(?:\/|$)/;

/** CVE-2024-21626 ("Leaky Vessels"): a working directory through a leaked runc file descriptor. */
export default defineRule({
  meta: {
    id: 'runc-working-dir-fd-leak',
    title: 'Working directory through /proc/<pid>/fd (CVE-2024-21626)',
    severity: 'high',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container sets `workingDir` to a path in `/proc/self/fd`, ' +
      '`/proc/thread-self/fd` or `/proc/<pid>/fd` (after removing repeated slashes and `.`/`..` segments). ' +
      'No legitimate workload needs such a working directory: it is the CVE-2024-21626 exploit pattern.',
    rationale:
      'runc up to 1.1.11 leaked a file descriptor of the host filesystem into the container process. A working ' +
      'directory of `/proc/self/fd/<n>` made the new process start inside the host filesystem, from where it could ' +
      'read and overwrite host binaries: a full container escape (MITRE ATT&CK T1611). Nodes with runc 1.1.12 or ' +
      'later are fixed, but clusters rarely prove that every node pool is, and the manifest has no reason to ask ' +
      'for it.',
    sources: [
      { title: 'NVD: CVE-2024-21626', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-21626' },
      {
        title: 'runc advisory GHSA-xr7r-f8xq-vfvv',
        url: 'https://github.com/opencontainers/runc/security/advisories/GHSA-xr7r-f8xq-vfvv',
      },
      {
        title: 'OpenSSF: Time is of the essence to mitigate vulnerabilities like Leaky Vessels',
        url: 'https://openssf.org/blog/2024/02/06/time-is-of-the-essence-to-mitigate-vulnerabilities-like-leaky-vessels/',
      },
    ],
    remediation:
      'Use an ordinary directory of the image as the working directory, and upgrade runc to 1.1.12 or later on ' +
      'every node:\n\n```yaml\ncontainers:\n  - name: app\n    workingDir: /app\n```',
    tags: ['container-escape', 'cve'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      const dir = asString(container.spec.workingDir);
      if (dir === undefined || !FD_PATH.test(normalizeHostPath(dir))) continue;
      report({
        message: `${containerLabel(container)} sets workingDir ${show(dir)}, a leaked file descriptor path: on runc before 1.1.12 this escapes to the host filesystem (CVE-2024-21626).`,
        path: [...container.path, 'workingDir'],
        container,
      });
    }
  },
});
