import { asArray, asObject, asString } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { listNames } from './common.js';

/** Pods that write their own /etc/hosts entries (Part A row 51). */
export default defineRule({
  meta: {
    id: 'host-aliases',
    title: 'Pod overrides /etc/hosts with hostAliases',
    severity: 'low',
    category: 'network',
    description:
      'The pod sets a non-empty `spec.hostAliases`: the kubelet writes these IP-to-hostname entries into every ' +
      "container's `/etc/hosts`. One finding per pod, naming the hostnames.",
    rationale:
      'hostAliases bypass cluster DNS and any DNS-based policy or monitoring: a name can be silently pinned to ' +
      'an attacker-chosen or stale address (an old database, a decommissioned host whose IP gets reused), and ' +
      'the override is invisible to anyone debugging with DNS tools. Hard-coded IPs also break on failover and ' +
      'tie the workload to one network layout. Legitimate needs are better served by a Service (ExternalName or ' +
      'selector-less with Endpoints/EndpointSlices) or a DNS entry.',
    sources: [
      {
        title: 'Kubernetes: Adding entries to Pod /etc/hosts with HostAliases',
        url: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
      },
      {
        title: 'Kubernetes: DNS for Services and Pods',
        url: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/',
      },
    ],
    remediation:
      'Remove `hostAliases` and resolve the names through DNS, for example with a Service for the external ' +
      'endpoint:\n\n' +
      '```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: legacy-db\nspec:\n  type: ExternalName\n' +
      '  externalName: db.internal.example.com\n```',
    tags: ['network', 'dns'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const aliases = asArray(workload.podSpec.hostAliases);
    if (aliases.length === 0) return;
    const hostnames = aliases.flatMap((entry) =>
      asArray(asObject(entry)?.hostnames).filter((h): h is string => typeof h === 'string'),
    );
    const ips = aliases
      .map((entry) => asString(asObject(entry)?.ip))
      .filter((ip): ip is string => ip !== undefined);
    const names = hostnames.length > 0 ? `hostnames ${listNames(hostnames)}` : `${aliases.length} entries`;
    const to = ips.length > 0 ? ` to ${listNames(ips, 2)}` : '';
    report({
      message: `The pod pins ${names}${to} in /etc/hosts with hostAliases, bypassing cluster DNS.`,
      path: [...workload.podSpecPath, 'hostAliases'],
    });
  },
});
