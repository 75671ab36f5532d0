import rule from '../../../src/rules/control-plane/control-plane-hardening-flags.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { KUBEADM_APISERVER_FLAGS, apiserverPod, staticPod } from './fixtures.js';

const HARDENED_APISERVER = [
  ...KUBEADM_APISERVER_FLAGS,
  '--profiling=false',
  '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
  '--encryption-provider-config=/etc/kubernetes/enc/encryption.yaml',
  '--service-account-extend-token-expiration=false',
  '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384',
  '--tls-min-version=VersionTLS12',
];

const KCM_FLAGS = [
  '--bind-address=127.0.0.1',
  '--root-ca-file=/etc/kubernetes/pki/ca.crt',
  '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
  '--use-service-account-credentials=true',
];

const cases: RuleCase[] = [
  {
    name: 'passes hardened kube-apiserver, kube-controller-manager and kube-scheduler static pods',
    yaml: [
      apiserverPod(...HARDENED_APISERVER),
      '---',
      staticPod('kube-controller-manager', [...KCM_FLAGS, '--profiling=false']),
      '---',
      staticPod('kube-scheduler', ['--bind-address=::1', '--profiling=false']),
    ].join('\n'),
    expected: [],
  },
  {
    name: 'does not judge templated values',
    yaml: apiserverPod(
      ...HARDENED_APISERVER.filter((f) => !f.startsWith('--profiling') && !f.startsWith('--encryption')),
      '--profiling=${PROFILING}',
      '--encryption-provider-config={{ .encryption }}',
    ),
    expected: [],
  },
  {
    name: 'reports what the kubeadm defaults leave out, at the container',
    yaml: apiserverPod(...KUBEADM_APISERVER_FLAGS),
    expected: [
      {
        line: 8,
        column: 7,
        severity: 'medium',
        container: 'kube-apiserver',
        message: '--profiling=true (the default), exposing /debug/pprof (CIS 1.2.15)',
      },
      {
        line: 8,
        column: 7,
        severity: 'medium',
        message: 'does not set --kubelet-certificate-authority (CIS 1.2.5)',
      },
      {
        line: 8,
        column: 7,
        severity: 'medium',
        message: 'does not set --encryption-provider-config (CIS 1.2.27)',
      },
      {
        line: 8,
        column: 7,
        severity: 'low',
        message: '--service-account-extend-token-expiration=true (the default)',
      },
    ],
  },
  {
    name: 'reports explicit weak settings at their flags',
    yaml: apiserverPod(
      ...HARDENED_APISERVER.filter(
        (f) => !/^--(profiling|etcd-servers|tls-cipher-suites|tls-min-version)=/.test(f),
      ),
      '--profiling=true', // 32
      '--service-account-lookup=false', // 33
      '--etcd-servers=http://10.0.0.5:2379,https://10.0.0.6:2379', // 34
      '--tls-cipher-suites=TLS_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA', // 35
      '--tls-min-version=VersionTLS10', // 36
    ),
    expected: [
      { line: 32, column: 11, severity: 'medium', message: '--profiling=true,' },
      { line: 33, column: 11, severity: 'medium', message: '--service-account-lookup=false (CIS 1.2.21)' },
      {
        line: 34,
        column: 11,
        severity: 'high',
        message: 'reaches etcd over plain HTTP (http://10.0.0.5:2379)',
      },
      {
        line: 35,
        column: 11,
        severity: 'medium',
        message: 'weak TLS cipher suites TLS_RSA_WITH_AES_128_CBC_SHA (CIS 1.2.29)',
      },
      { line: 36, column: 11, severity: 'medium', message: 'accepts TLS10' },
    ],
  },
  {
    name: 'reports each missing certificate group once, naming the missing flags',
    yaml: apiserverPod(...HARDENED_APISERVER.filter((f) => !/^--(etcd-keyfile|client-ca-file)=/.test(f))),
    expected: [
      { line: 8, column: 7, message: 'does not set --client-ca-file (CIS 1.2.25)' },
      // The pair is reported at the member that is present (--etcd-certfile).
      { line: 18, column: 11, message: 'does not set --etcd-keyfile (CIS 1.2.23)' },
    ],
  },
  {
    name: 'reports a controller manager with the binary defaults',
    yaml: staticPod('kube-controller-manager', ['--kubeconfig=/etc/kubernetes/controller-manager.conf']),
    expected: [
      {
        line: 8,
        column: 7,
        container: 'kube-controller-manager',
        message:
          'kube-controller-manager (container "kube-controller-manager") runs with --profiling=true (the default), exposing /debug/pprof (CIS 1.3.2)',
      },
      { line: 8, column: 7, message: '--bind-address=0.0.0.0 (the default) (CIS 1.3.7)' },
      { line: 8, column: 7, message: 'does not set --service-account-private-key-file (CIS 1.3.4)' },
      { line: 8, column: 7, message: 'does not set --root-ca-file (CIS 1.3.5)' },
      { line: 8, column: 7, message: '--use-service-account-credentials=false (the default) (CIS 1.3.3)' },
    ],
  },
  {
    name: 'a scheduler with --config ignores its --profiling flag: only the bind address is judged',
    yaml: staticPod('kube-scheduler', [
      '--config=/etc/kubernetes/scheduler.yaml',
      '--profiling=true',
      '--bind-address=0.0.0.0',
    ]),
    expected: [{ line: 14, column: 11, message: '--bind-address=0.0.0.0' }],
  },
  {
    name: 'reports a scheduler listening on every interface with profiling on',
    yaml: staticPod('kube-scheduler', ['--bind-address=0.0.0.0', '--profiling=true']),
    expected: [
      { line: 12, column: 11, container: 'kube-scheduler', message: '--bind-address=0.0.0.0 (CIS 1.4.2)' },
      {
        line: 13,
        column: 11,
        message:
          'kube-scheduler (container "kube-scheduler") runs with --profiling=true, exposing /debug/pprof (CIS 1.4.1)',
      },
    ],
  },
  {
    name: 'kubeadm: absent flags take the values kubeadm sets; external etcd without certificates is reported',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      etcd:
        external:
          endpoints: [https://10.0.0.5:2379]
      apiServer:
        extraArgs:
          - name: profiling
            value: "false"
          - name: kubelet-certificate-authority
            value: /etc/kubernetes/pki/ca.crt
          - name: encryption-provider-config
            value: /etc/kubernetes/enc.yaml
          - name: service-account-extend-token-expiration
            value: "false"
      controllerManager:
        extraArgs:
          - name: bind-address
            value: 0.0.0.0
      scheduler:
        extraArgs:
          - name: profiling
            value: "false"
    `,
    expected: [
      {
        line: 7,
        column: 3,
        message:
          'kube-apiserver (kubeadm ClusterConfiguration apiServer.extraArgs) does not set --etcd-certfile and --etcd-keyfile',
      },
      { line: 7, column: 3, message: 'does not set --etcd-cafile' },
      {
        line: 17,
        column: 3,
        message:
          'kube-controller-manager (kubeadm ClusterConfiguration controllerManager.extraArgs) runs with --profiling=true',
      },
      { line: 19, column: 7, message: '--bind-address=0.0.0.0 (CIS 1.3.7)' },
    ],
  },
  {
    name: 'EncryptionConfiguration: passes a real provider first; identity first is high; no Secrets entry is medium',
    yaml: yaml`
      apiVersion: apiserver.config.k8s.io/v1
      kind: EncryptionConfiguration
      resources:
        - resources: [secrets]
          providers:
            - aescbc:
                keys:
                  - name: key1
                    secret: c2VjcmV0IGlzIHNlY3VyZQ==
            - identity: {}
      ---
      apiVersion: apiserver.config.k8s.io/v1
      kind: EncryptionConfiguration
      resources:
        - resources: [configmaps]
          providers:
            - secretbox:
                keys: [{name: k, secret: a2V5}]
        - resources: ["*.*"]
          providers:
            - identity: {}
            - aescbc:
                keys: [{name: k, secret: a2V5}]
      ---
      apiVersion: apiserver.config.k8s.io/v1
      kind: EncryptionConfiguration
      resources:
        - resources: [configmaps]
          providers:
            - kms:
                apiVersion: v2
                name: kms
                endpoint: unix:///var/run/kms.sock
    `,
    expected: [
      { line: 21, column: 9, severity: 'high', message: 'lists identity first for *.*' },
      { line: 27, column: 1, severity: 'medium', message: 'has no entry for secrets' },
    ],
  },
];

describe('control-plane-hardening-flags', () => {
  testRuleCases(rule, cases);
});
