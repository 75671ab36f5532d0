import { defineRule } from '../rule.js';
import { PSS_BASELINE_SOURCE, psaSource } from './common.js';

const NAMESPACES = [
  {
    field: 'hostNetwork',
    effect:
      'it shares the node network namespace: it can bind node ports, reach node-local services and sniff node traffic',
  },
  { field: 'hostPID', effect: 'it sees every process on the node and can signal or trace them' },
  {
    field: 'hostIPC',
    effect: 'it shares the node IPC namespace (shared memory and semaphores of host processes)',
  },
] as const;

/** PSS baseline "Host Namespaces" (Pod Security admission check `hostNamespaces`). */
export default defineRule({
  meta: {
    id: 'host-namespaces',
    title: 'Pod shares host namespaces',
    severity: 'high',
    category: 'isolation',
    description:
      'The pod sets `spec.hostNetwork`, `spec.hostPID` or `spec.hostIPC` to `true` (one finding per field). Only ' +
      'undefined and `false` are allowed.',
    rationale:
      'Host namespaces remove the isolation between the pod and the node. With hostPID a process can read other ' +
      "processes' environment and memory (secrets) and, combined with any privilege, `nsenter` into PID 1 to get a " +
      'root shell on the node. hostNetwork lets the pod bind to node interfaces, reach services that listen only on ' +
      'localhost (kubelet, local proxies), bypass NetworkPolicy and impersonate the node on the network. hostIPC ' +
      'exposes host shared memory (MITRE ATT&CK T1611, Escape to Host).',
    sources: [PSS_BASELINE_SOURCE, psaSource('check_hostNamespaces.go')],
    remediation:
      'Remove the host namespace fields (or set them to `false`) and expose the workload through a Service:\n\n' +
      '```yaml\nspec:\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n```',
    pss: { level: 'baseline', check: 'hostNamespaces', since: 'v1.0' },
    fixable: true,
    tags: ['container-escape', 'host-namespaces', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const { field, effect } of NAMESPACES) {
      if (workload.podSpec[field] === true) {
        report({
          message: `The pod sets ${field}: true: ${effect}.`,
          path: [...workload.podSpecPath, field],
          key: field,
          fix: { description: `Set ${field} to false`, replacement: `${field}: false` },
        });
      }
    }
  },
});
