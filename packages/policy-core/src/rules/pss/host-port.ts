import { defineRule } from '../rule.js';
import { asArray, asObject, isSet } from '../../model/values.js';
import { PSS_BASELINE_SOURCE, containerLabel, psaSource, show } from './common.js';

/** PSS baseline "Host Ports" (Pod Security admission check `hostPorts`). */
export default defineRule({
  meta: {
    id: 'host-port',
    title: 'Container uses a host port',
    severity: 'medium',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container sets `ports[*].hostPort` to anything but `0` (one finding ' +
      'per port). The standard allows a "known list" of ports, but Pod Security admission supports none: only ' +
      'undefined and `0` pass.',
    rationale:
      "A hostPort binds the container directly on the node's IP address. Traffic to it bypasses the Service layer " +
      'and, with many CNI plugins, NetworkPolicy; it can shadow or squat ports of node services, pins the pod to ' +
      'nodes where the port is free and exposes the workload outside the cluster network boundary.',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_hostPorts.go'),
      {
        title: 'Configuration best practices: Services',
        url: 'https://kubernetes.io/docs/concepts/configuration/overview/#services',
      },
    ],
    remediation:
      'Remove `hostPort` and expose the port through a Service (ClusterIP, NodePort or LoadBalancer):\n\n' +
      '```yaml\nports:\n  - containerPort: 8080\n```',
    pss: { level: 'baseline', check: 'hostPorts', since: 'v1.0' },
    tags: ['network', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      asArray(container.spec.ports).forEach((raw, index) => {
        const hostPort = asObject(raw)?.hostPort;
        if (!isSet(hostPort) || hostPort === 0) return;
        report({
          message: `${containerLabel(container)} uses hostPort ${show(hostPort)}: the port is opened on the node itself.`,
          path: [...container.path, 'ports', index, 'hostPort'],
          container,
          key: show(hostPort),
        });
      });
    }
  },
});
