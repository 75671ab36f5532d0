import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { kubeLinterSource } from './common.js';
import { containerPorts } from './ports.js';

/** kube-linter's ssh-port: an SSH server in a container is a backdoor around the API server. */
export default defineRule({
  meta: {
    id: 'ssh-port',
    title: 'SSH port exposed',
    severity: 'low',
    category: 'network',
    description:
      'A container or init container declares `containerPort: 22` with protocol TCP (or no protocol, which ' +
      'defaults to TCP). One finding per port entry.',
    rationale:
      'Port 22 is SSH. An SSH daemon in a container is a second way in that bypasses Kubernetes authentication, ' +
      'RBAC and audit logging (`kubectl exec` is audited, an SSH session is not), usually with long-lived keys or ' +
      'passwords baked into the image; it is also a favourite target of brute-force scanners when the pod is ' +
      'exposed (MITRE ATT&CK T1021.004, Remote Services: SSH). Workloads that are not SSH servers should not use ' +
      'the port.',
    sources: [kubeLinterSource('ssh-port.yaml')],
    remediation:
      'Remove the SSH server and use `kubectl exec` or ephemeral debug containers for access; services that are not ' +
      'SSH should listen on another port:\n\n' +
      '```yaml\nports:\n  - name: http\n    containerPort: 8080\n```',
    tags: ['exposure'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const entry of containerPorts(workload)) {
      if (entry.port !== 22 || entry.protocol !== 'TCP') continue;
      report({
        message: `${containerLabel(entry.container)} declares containerPort 22 (SSH): an SSH server bypasses Kubernetes authentication, RBAC and audit.`,
        path: entry.path,
        container: entry.container,
        key: entry.path.join('.'),
      });
    }
  },
});
