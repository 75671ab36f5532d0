import { defineRule } from '../rule.js';
import { ADMISSION_CONTROLLERS_SOURCE, admissionView } from './admission.js';
import { FLAG_INPUT_KINDS, componentConfigs } from './common.js';
import { CIS_KUBE_BENCH, KUBE_APISERVER_REFERENCE } from './sources.js';

const CHECKS = [
  {
    plugin: 'AlwaysAdmit',
    bad: true,
    effect:
      'the deprecated AlwaysAdmit plugin admits every request and signals that admission control is meant to be off',
  },
  {
    plugin: 'NodeRestriction',
    bad: false,
    effect:
      "kubelets can modify other nodes' Node and Pod objects, letting one compromised node relabel others to " +
      'attract sensitive workloads',
  },
  {
    plugin: 'ServiceAccount',
    bad: false,
    effect: 'pods are not bound to existing service accounts and token mounting is not enforced',
  },
  {
    plugin: 'NamespaceLifecycle',
    bad: false,
    effect:
      'objects can be created in namespaces that are being deleted or do not exist, and system namespaces can be deleted',
  },
] as const;

/** API-003: admission plugins that must (or must not) run. */
export default defineRule({
  meta: {
    id: 'apiserver-admission-plugins',
    title: 'Unsafe kube-apiserver admission plugins',
    severity: 'high',
    category: 'control-plane',
    description:
      'Computes the effective admission plugins of kube-apiserver (static Pod or kubeadm `ClusterConfiguration`): ' +
      'the default-on set plus `--enable-admission-plugins` minus `--disable-admission-plugins`, or exactly the ' +
      'deprecated `--admission-control` list. Reports, one finding each: `AlwaysAdmit` enabled (CIS 1.2.10); ' +
      '`NodeRestriction` not enabled (CIS 1.2.14 — kubeadm enables it unless extraArgs replace ' +
      '`enable-admission-plugins` without it); `ServiceAccount` or `NamespaceLifecycle` disabled (CIS 1.2.12, ' +
      '1.2.13). Templated plugin lists are not judged. Recommended extra plugins are checked by ' +
      '`apiserver-optional-admission-plugins`.',
    rationale:
      'NodeRestriction is what confines a kubelet to its own Node and Pods; without it a single compromised node ' +
      'can label other nodes, steal workloads through node selectors, or tamper with pods elsewhere (lateral ' +
      'movement, ATT&CK T1610). The ServiceAccount plugin binds pods to service accounts that exist; ' +
      'NamespaceLifecycle keeps objects out of terminating namespaces and protects `kube-system`, `kube-public` and ' +
      '`default` from deletion. AlwaysAdmit is deprecated and does nothing but admit.',
    sources: [KUBE_APISERVER_REFERENCE, ADMISSION_CONTROLLERS_SOURCE, CIS_KUBE_BENCH],
    remediation:
      'Enable NodeRestriction, do not disable ServiceAccount or NamespaceLifecycle, and remove AlwaysAdmit:\n\n' +
      '```yaml\n        - --enable-admission-plugins=NodeRestriction\n```\n\nIn a kubeadm ClusterConfiguration, ' +
      'keep `NodeRestriction` in `apiServer.extraArgs` when you set `enable-admission-plugins` yourself.',
    tags: ['api-server', 'cis-benchmark'],
  },
  match: { kinds: FLAG_INPUT_KINDS },
  // Only kube-apiserver configurations are evaluated (and scored); other Pods are not its business.
  appliesToResource: (resource) => componentConfigs(resource, 'kube-apiserver').length > 0,
  check({ resource, report }) {
    for (const config of componentConfigs(resource, 'kube-apiserver')) {
      const view = admissionView(config);
      if (!view.known) continue;
      for (const { plugin, bad, effect } of CHECKS) {
        const state = view.state(plugin);
        if (state.enabled !== bad) continue;
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
