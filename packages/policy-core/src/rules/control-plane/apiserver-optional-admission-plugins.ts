import { defineRule } from '../rule.js';
import { ADMISSION_CONTROLLERS_SOURCE, admissionView } from './admission.js';
import { FLAG_INPUT_KINDS, componentConfigs } from './common.js';
import { CIS_KUBE_BENCH, KUBE_APISERVER_REFERENCE } from './sources.js';

const RECOMMENDED = [
  {
    plugin: 'EventRateLimit',
    effect: 'a single user or namespace can flood the API server and etcd with Events',
  },
  {
    plugin: 'DenyServiceExternalIPs',
    effect:
      'anyone who can create a Service can set spec.externalIPs and intercept traffic to those IPs (CVE-2020-8554)',
  },
  {
    plugin: 'AlwaysPullImages',
    effect:
      'a pod can start from an image another tenant already pulled to the node without having pull credentials for it',
  },
] as const;

/** API-003 (low part): recommended admission plugins (CIS manual checks). */
export default defineRule({
  meta: {
    id: 'apiserver-optional-admission-plugins',
    title: 'Recommended kube-apiserver admission plugins missing',
    severity: 'low',
    category: 'control-plane',
    description:
      'For kube-apiserver (static Pod or kubeadm `ClusterConfiguration`), reports each of `EventRateLimit` (CIS 1.2.9), ' +
      '`DenyServiceExternalIPs` (CIS 1.2.3) and `AlwaysPullImages` (CIS 1.2.11) that is not in the effective admission ' +
      'plugin set. All three are off by default and are CIS manual checks with operational trade-offs, so the rule ' +
      'is not in the recommended profile.',
    rationale:
      'EventRateLimit bounds the Event write rate per server, namespace, user or source (it needs ' +
      '`--admission-control-config-file`). DenyServiceExternalIPs blocks the man-in-the-middle of CVE-2020-8554, ' +
      'where a Service with `externalIPs` captures cluster traffic to any IP. AlwaysPullImages forces an image pull ' +
      'check, so pods of one tenant cannot reuse private images cached on a shared node by another; it needs the ' +
      'registry to be reachable at every pod start.',
    sources: [
      ADMISSION_CONTROLLERS_SOURCE,
      KUBE_APISERVER_REFERENCE,
      {
        title: 'CVE-2020-8554: Man in the middle using LoadBalancer or ExternalIPs',
        url: 'https://github.com/kubernetes/kubernetes/issues/97076',
      },
      CIS_KUBE_BENCH,
    ],
    remediation:
      'Add the plugins that fit the cluster to `--enable-admission-plugins` (EventRateLimit also needs an admission ' +
      'configuration file):\n\n```yaml\n        - --enable-admission-plugins=NodeRestriction,EventRateLimit,' +
      'DenyServiceExternalIPs,AlwaysPullImages\n        - --admission-control-config-file=/etc/kubernetes/admission.yaml\n```',
    recommended: false,
    tags: ['api-server', 'cis-benchmark'],
  },
  match: { kinds: FLAG_INPUT_KINDS },
  // Only kube-apiserver configurations are evaluated (and scored); other Pods are not its business.
  appliesToResource: (resource) => componentConfigs(resource, 'kube-apiserver').length > 0,
  check({ resource, report }) {
    for (const config of componentConfigs(resource, 'kube-apiserver')) {
      const view = admissionView(config);
      if (!view.known) continue;
      for (const { plugin, effect } of RECOMMENDED) {
        const state = view.state(plugin);
        if (state.enabled) continue;
        report({
          container: config.container,
          message: `${config.subject}: admission plugin ${plugin} is ${state.reason}, so ${effect}.`,
          path: state.path,
          key: plugin,
        });
      }
    }
  },
});
