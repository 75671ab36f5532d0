import { defineRule } from '../rule.js';
import { FLAG_INPUT_KINDS, componentConfigs } from './common.js';
import { CIS_KUBE_BENCH, KUBE_APISERVER_REFERENCE, KUBEADM_CONFIG_REFERENCE } from './sources.js';

/** API-001: kube-apiserver authorization must not allow everything and must include Node and RBAC. */
export default defineRule({
  meta: {
    id: 'apiserver-authorization-mode',
    title: 'Weak kube-apiserver authorization mode',
    severity: 'critical',
    category: 'control-plane',
    description:
      'Reads the effective `--authorization-mode` of kube-apiserver from a static Pod (container named or running ' +
      '`kube-apiserver`; `command` and `args`, repeated flags accumulate as the binary does) or from a kubeadm ' +
      '`ClusterConfiguration` (`apiServer.extraArgs`). Reports `AlwaysAllow` in the list, including the binary ' +
      'default when a static Pod does not set the flag (critical); and a list without `Node` or without `RBAC` ' +
      "(high each, CIS 1.2.7/1.2.8; not repeated when AlwaysAllow is already reported). A kubeadm configuration that does not set the flag gets kubeadm's `Node,RBAC` " +
      'and passes. Nothing is reported when structured authorization (`--authorization-config`) replaces the flag, ' +
      'or when the value is templated.',
    rationale:
      '`AlwaysAllow` authorizes every request that authenticates — including anonymous ones when anonymous ' +
      'authentication is on — so any token, any kubelet credential or any pod service account becomes cluster-admin. ' +
      'Its position in the list does not matter: RBAC never denies, it only has no opinion, so the request falls ' +
      'through to AlwaysAllow. Without the Node authorizer, kubelets need broad RBAC grants to read secrets and ' +
      'pods, so one compromised node can read every secret in the cluster (ATT&CK T1552.007, Container API). Without ' +
      'RBAC, Roles and bindings have no effect.',
    sources: [
      KUBE_APISERVER_REFERENCE,
      {
        title: 'Authorization',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/authorization/',
      },
      {
        title: 'Using Node Authorization',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/node/',
      },
      CIS_KUBE_BENCH,
      KUBEADM_CONFIG_REFERENCE,
    ],
    remediation:
      'Run kube-apiserver with `--authorization-mode=Node,RBAC` (add `Webhook` if an external authorizer is used) ' +
      'and never `AlwaysAllow`:\n\n```yaml\nspec:\n  containers:\n    - name: kube-apiserver\n      command:\n' +
      '        - kube-apiserver\n        - --authorization-mode=Node,RBAC\n```',
    tags: ['api-server', 'cis-benchmark'],
  },
  match: { kinds: FLAG_INPUT_KINDS },
  // Only kube-apiserver configurations are evaluated (and scored); other Pods are not its business.
  appliesToResource: (resource) => componentConfigs(resource, 'kube-apiserver').length > 0,
  check({ resource, report }) {
    for (const config of componentConfigs(resource, 'kube-apiserver')) {
      if (config.has('authorization-config') && !config.has('authorization-mode')) continue;
      const modes = config.list('authorization-mode', ['AlwaysAllow']);
      if (!modes || modes.templated) continue;
      const base = { container: config.container };
      const allowAll = modes.items.find((m) => m.item === 'AlwaysAllow');
      if (allowAll) {
        const how =
          modes.source === 'default'
            ? 'does not set --authorization-mode, so it defaults to AlwaysAllow'
            : 'includes AlwaysAllow in --authorization-mode';
        report({
          ...base,
          message: `${config.subject} ${how}: every authenticated (or anonymous) request is authorized, which makes any credential cluster-admin.`,
          path: allowAll.path,
          key: 'AlwaysAllow',
        });
        continue;
      }
      const names = modes.items.map((m) => m.item);
      const shown = names.join(',') || '(empty)';
      for (const mode of ['Node', 'RBAC'] as const) {
        if (names.includes(mode)) continue;
        const effect =
          mode === 'Node'
            ? 'kubelets are not limited to the pods, secrets and volumes of their own node'
            : 'Roles, ClusterRoles and their bindings have no effect';
        report({
          ...base,
          message: `${config.subject} runs with --authorization-mode=${shown}, which lacks ${mode}: ${effect}.`,
          path: modes.path,
          severity: 'high',
          key: mode,
        });
      }
    }
  },
});
