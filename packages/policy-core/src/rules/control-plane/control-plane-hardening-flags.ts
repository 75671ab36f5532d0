import { defineRule } from '../rule.js';
import { apiGroup } from '../../model/workload.js';
import { FLAG_INPUT_KINDS, componentConfigs } from './common.js';
import { CIS_KUBE_BENCH, KUBE_APISERVER_REFERENCE } from './sources.js';
import {
  apiserverIssues,
  controllerManagerIssues,
  encryptionIssues,
  schedulerIssues,
  type Issue,
} from './hardening-checks.js';

/** API-005: CIS hardening flags of kube-apiserver, kube-controller-manager and kube-scheduler; encryption at rest. */
export default defineRule({
  meta: {
    id: 'control-plane-hardening-flags',
    title: 'Control-plane component hardening flags',
    severity: 'medium',
    category: 'control-plane',
    description:
      'Checks the CIS hardening flags of control-plane components in static Pods and kubeadm `ClusterConfiguration` ' +
      '(where absent flags take the values kubeadm sets, e.g. certificates and `--bind-address=127.0.0.1`), one ' +
      'finding per problem. kube-apiserver: `--profiling` not false (default true, CIS 1.2.15); ' +
      '`--service-account-lookup=false` (1.2.21); `--service-account-extend-token-expiration` not false (low, 1.2.30); ' +
      'missing kubelet client certificate/key (1.2.4), `--kubelet-certificate-authority` (1.2.5), ' +
      '`--service-account-key-file` (1.2.22), etcd client certificate/key (1.2.23), TLS serving certificate/key ' +
      '(1.2.24), `--client-ca-file` (1.2.25), `--etcd-cafile` (1.2.26), `--encryption-provider-config` (1.2.27); ' +
      '`--tls-cipher-suites` outside the CIS strong list (1.2.29); `--tls-min-version` TLS 1.0/1.1; `--etcd-servers` ' +
      'over plain http (high). kube-controller-manager: `--profiling` (1.3.2), `--use-service-account-credentials` not ' +
      'true (1.3.3), missing `--service-account-private-key-file` (1.3.4) or `--root-ca-file` (1.3.5), ' +
      '`--bind-address` not loopback (default 0.0.0.0, 1.3.7). kube-scheduler: `--profiling` (1.4.1), ' +
      '`--bind-address` (1.4.2). An `EncryptionConfiguration` (apiserver.config.k8s.io) whose first entry covering ' +
      'Secrets lists `identity` first is high (1.2.28); one without any entry for Secrets is medium. Templated values ' +
      'are not judged.',
    rationale:
      'These flags close the paths around authorization: unverified kubelet certificates let a network attacker ' +
      'intercept `kubectl exec` streams; missing etcd TLS or encryption at rest exposes every Secret to whoever can ' +
      'reach etcd or read a backup (ATT&CK T1552.007); profiling endpoints reveal internals and can be abused for ' +
      'denial of service; controller manager and scheduler ports bound to all interfaces expose them to the pod ' +
      'network; a shared controller identity turns any controller bug into cluster-wide write access; long-lived ' +
      'extended tokens outlive the pods that leaked them.',
    sources: [
      KUBE_APISERVER_REFERENCE,
      {
        title: 'kube-controller-manager command-line reference',
        url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
      },
      {
        title: 'kube-scheduler command-line reference',
        url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/',
      },
      {
        title: 'Encrypting Confidential Data at Rest',
        url: 'https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/',
      },
      CIS_KUBE_BENCH,
    ],
    remediation:
      'Set the flags the CIS benchmark expects, for example:\n\n```yaml\n        - --profiling=false\n' +
      '        - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt\n' +
      '        - --encryption-provider-config=/etc/kubernetes/enc/encryption.yaml\n```\n\nand list a real provider ' +
      'first for Secrets:\n\n```yaml\napiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n' +
      'resources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n' +
      '            - name: key1\n              secret: <base64 32-byte key>\n      - identity: {}\n```\n\nFor ' +
      'kubeadm, put the flags in `apiServer.extraArgs`, `controllerManager.extraArgs` and `scheduler.extraArgs`.',
    tags: ['api-server', 'cis-benchmark', 'encryption-at-rest'],
  },
  match: { kinds: [...FLAG_INPUT_KINDS, 'EncryptionConfiguration'] },
  appliesToResource: (resource) =>
    resource.kind === 'EncryptionConfiguration' || componentConfigs(resource).length > 0,
  check({ resource, report }) {
    if (resource.kind === 'EncryptionConfiguration') {
      if (apiGroup(resource.apiVersion) !== 'apiserver.config.k8s.io') return;
      for (const issue of encryptionIssues(resource)) report(issue);
      return;
    }
    for (const config of componentConfigs(resource)) {
      let issues: Issue[];
      if (config.component === 'kube-apiserver') issues = apiserverIssues(config);
      else if (config.component === 'kube-controller-manager') issues = controllerManagerIssues(config);
      else issues = schedulerIssues(config);
      for (const issue of issues)
        report({ ...issue, container: config.container, key: `${config.component}:${issue.key}` });
    }
  },
});
