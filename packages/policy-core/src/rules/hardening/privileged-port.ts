import { defineRule } from '../rule.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { containerLabel } from '../pss/common.js';
import { kubeLinterSource } from './common.js';
import { containerPorts } from './ports.js';

const UNPRIVILEGED_PORT_SYSCTL = 'net.ipv4.ip_unprivileged_port_start';

/** The port from which the pod's own sysctl lets unprivileged processes bind, when it sets one. */
function unprivilegedPortStart(sysctls: unknown): number | undefined {
  for (const raw of asArray(sysctls)) {
    const sysctl = asObject(raw);
    if (asString(sysctl?.name)?.replace(/\//g, '.') !== UNPRIVILEGED_PORT_SYSCTL) continue;
    const value = Number(asString(sysctl?.value));
    return Number.isInteger(value) ? value : undefined;
  }
  return undefined;
}

/** kube-linter's privileged-ports (off by default there too). */
export default defineRule({
  meta: {
    id: 'privileged-port',
    title: 'Privileged container port',
    severity: 'info',
    category: 'isolation',
    description:
      'A container or init container declares a `containerPort` between 1 and 1023, other than 22 (left to ' +
      '`ssh-port`). Not reported when the pod sets the safe sysctl `net.ipv4.ip_unprivileged_port_start` at or ' +
      'below the port. One finding per port entry.',
    rationale:
      'Binding a port below 1024 needs root or CAP_NET_BIND_SERVICE unless the runtime or the pod lowers ' +
      '`net.ipv4.ip_unprivileged_port_start`. A low port therefore often means the image runs as root or keeps a ' +
      'capability it would not otherwise need. A Service can map any port to a high container port, so the ' +
      'container never needs to listen on a privileged one.',
    sources: [
      kubeLinterSource('privilegedports.yaml'),
      {
        title: 'Using sysctls in a Kubernetes Cluster',
        url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
      },
    ],
    remediation:
      'Listen on a port above 1023 and map it in the Service:\n\n' +
      '```yaml\n# Pod\nports:\n  - name: http\n    containerPort: 8080\n---\n# Service\nports:\n  - port: 80\n    targetPort: http\n```',
    recommended: false,
    tags: ['least-privilege'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const start = unprivilegedPortStart(workload.podSecurityContext.sysctls);
    for (const entry of containerPorts(workload)) {
      if (entry.port < 1 || entry.port > 1023 || entry.port === 22) continue;
      if (start !== undefined && start <= entry.port) continue;
      report({
        message: `${containerLabel(entry.container)} declares containerPort ${entry.port}, a privileged port that needs root or CAP_NET_BIND_SERVICE to bind.`,
        path: entry.path,
        container: entry.container,
        key: entry.path.join('.'),
      });
    }
  },
});
