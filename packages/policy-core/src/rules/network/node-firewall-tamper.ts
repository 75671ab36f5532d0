import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import { asArray, asObject } from '../../model/values.js';
import { isSystemNamespace } from '../shared/context.js';
import { isCapability } from '../shared/capabilities.js';
import { containerLabel } from '../pss/common.js';
import { SOURCES } from './common.js';

/** NET_ADMIN, or ALL (which includes it), in any spelling. */
function grantsNetAdmin(capability: unknown): boolean {
  return isCapability(capability, 'NET_ADMIN', 'ALL');
}

/** IMDS-004: a workload that can rewrite the node firewall (and with it every IMDS and policy block). */
export default defineRule({
  meta: {
    id: 'node-firewall-tamper',
    title: 'Workload can rewrite the node firewall',
    severity: 'critical',
    category: 'network',
    description:
      'A container (including init and ephemeral containers) of a pod with `spec.hostNetwork: true` is privileged ' +
      '(`securityContext.privileged: true`) or adds NET_ADMIN or ALL to `securityContext.capabilities.add` (any ' +
      'case, with or without the `CAP_` prefix). When `cloud` is `azure`, a privileged container is reported even ' +
      'without hostNetwork. One finding per container, on `privileged` when it is set, else on the capability. ' +
      'Pods in system namespaces (where CNI agents legitimately need these rights) are not reported.',
    rationale:
      "NET_ADMIN in the node's network namespace (or privilege, which includes it) lets a process rewrite the " +
      "node's iptables/nftables rules and routes. Those rules are what enforce network policies on most CNIs, " +
      'the metadata blocks nodes install (such as the AKS IMDS restriction, whose documentation warns that ' +
      'privileged containers can break it) and kube-proxy service routing. A compromised pod with these rights ' +
      "can reach the metadata service and any pod unfiltered and redirect other pods' traffic (MITRE ATT&CK " +
      'T1562.004, Disable or Modify System Firewall; T1552.005).',
    sources: [
      SOURCES.aksImdsRestriction,
      {
        title: 'MITRE ATT&CK T1562.004: Disable or Modify System Firewall',
        url: 'https://attack.mitre.org/techniques/T1562/004/',
      },
      { title: 'capabilities(7)', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
    ],
    remediation:
      'Run the workload on the pod network, or drop the privilege: remove `privileged` and NET_ADMIN, and keep ' +
      'node-level network agents in a system namespace under tight review:\n\n' +
      '```yaml\nspec:\n  hostNetwork: false\n  containers:\n    - name: app\n      securityContext:\n        privileged: false\n' +
      '        capabilities:\n          drop: ["ALL"]\n```',
    tags: ['imds', 'container-escape', 'network'],
  },
  match: { workloads: true },
  check({ resource, workload, settings, report }) {
    if (isSystemNamespace(resource.namespace, settings)) return;
    const hostNetwork = workload.podSpec.hostNetwork === true;
    const azure = settings.cloud === 'azure';
    if (!hostNetwork && !azure) return;
    for (const container of workload.containers) {
      const sc = container.securityContext;
      const privileged = sc.privileged === true;
      let path: Path | undefined;
      let what = '';
      if (privileged) {
        path = [...container.path, 'securityContext', 'privileged'];
        what = 'runs privileged';
      } else if (hostNetwork) {
        const index = asArray(asObject(sc.capabilities)?.add).findIndex(grantsNetAdmin);
        if (index >= 0) {
          path = [...container.path, 'securityContext', 'capabilities', 'add', index];
          what = `adds capability ${String(asArray(asObject(sc.capabilities)?.add)[index])}`;
        }
      }
      if (!path) continue;
      const message = hostNetwork
        ? `${containerLabel(container)} ${what} in a host-network pod: it can rewrite the node's iptables/nftables ` +
          'rules that enforce network policies and metadata-service blocks, and reach any address unfiltered.'
        : `${containerLabel(container)} ${what}: on AKS it can break out to the node and remove the iptables rules ` +
          'that enforce the IMDS restriction for every pod.';
      report({ message, path, container });
    }
  },
});
