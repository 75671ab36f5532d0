import rule from '../../../src/rules/control-plane/apiserver-anonymous-auth.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { apiserverPod } from './fixtures.js';

const cases: RuleCase[] = [
  {
    name: 'passes --anonymous-auth=false and no token file',
    yaml: apiserverPod('--anonymous-auth=false'),
    expected: [],
  },
  {
    name: 'reads Go boolean spellings (T is true)',
    yaml: apiserverPod('--anonymous-auth=T'),
    expected: [{ line: 12, column: 11, message: '--anonymous-auth=T' }],
  },
  {
    name: 'passes structured authentication, which configures anonymous access itself, and templated values',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.33.0
            command: [kube-apiserver, --authentication-config=/etc/kubernetes/authn.yaml]
          - name: kube-apiserver-2
            image: registry.k8s.io/kube-apiserver:v1.33.0
            command: [kube-apiserver, "--anonymous-auth=$(ANONYMOUS)", "--token-auth-file={{ .tokens }}"]
    `,
    expected: [],
  },
  {
    name: 'reports the default (true) when the flag is absent, at the container',
    yaml: apiserverPod('--secure-port=6443'),
    expected: [
      {
        line: 8,
        column: 7,
        severity: 'medium',
        container: 'kube-apiserver',
        message: '--anonymous-auth=true (the default)',
      },
    ],
  },
  {
    name: 'reports an explicit true and a token file (high), each at its flag',
    yaml: apiserverPod('--anonymous-auth=true', '--token-auth-file=/etc/kubernetes/tokens.csv'),
    expected: [
      { line: 12, column: 11, severity: 'medium', message: 'runs with --anonymous-auth=true:' },
      { line: 13, column: 11, severity: 'high', message: '--token-auth-file=/etc/kubernetes/tokens.csv' },
    ],
  },
  {
    name: 'the last of repeated scalar flags wins',
    yaml: apiserverPod('--anonymous-auth=false', '--anonymous-auth=true'),
    expected: [{ line: 13, column: 11, message: '--anonymous-auth=true' }],
  },
  {
    name: 'a boolean flag does not take the next token as its value (pflag needs --flag=false)',
    yaml: apiserverPod('--anonymous-auth', '"false"'),
    expected: [{ line: 12, column: 11, message: '--anonymous-auth=true' }],
  },
  {
    name: 'a bare boolean flag means true',
    yaml: apiserverPod('--anonymous-auth'),
    expected: [{ line: 12, column: 11, message: '--anonymous-auth=true' }],
  },
  {
    name: 'kubeadm leaves anonymous auth at the default; a v1beta4 list can turn it off',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          token-auth-file: /etc/kubernetes/tokens.csv
      ---
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          - name: anonymous-auth
            value: "false"
    `,
    expected: [
      {
        line: 4,
        column: 3,
        severity: 'medium',
        message: 'kube-apiserver (kubeadm ClusterConfiguration apiServer.extraArgs)',
      },
      { line: 5, column: 5, severity: 'high', message: '--token-auth-file' },
    ],
  },
  {
    name: 'checks self-hosted control planes in DaemonSets',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: kube-apiserver
      spec:
        selector:
          matchLabels: {k8s-app: kube-apiserver}
        template:
          metadata:
            labels: {k8s-app: kube-apiserver}
          spec:
            containers:
              - name: kube-apiserver
                image: registry.k8s.io/kube-apiserver:v1.33.0
                command: [/hyperkube, kube-apiserver, --anonymous-auth=true]
    `,
    expected: [{ line: 15, column: 49, container: 'kube-apiserver', message: '--anonymous-auth=true:' }],
  },
  {
    name: 'does not look at other components or ordinary pods',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-scheduler
      spec:
        containers:
          - name: kube-scheduler
            image: registry.k8s.io/kube-scheduler:v1.33.0
            command: [kube-scheduler, --anonymous-auth=true]
          - name: web
            image: nginx:1.27
    `,
    expected: [],
  },
];

describe('apiserver-anonymous-auth', () => {
  testRuleCases(rule, cases);
});
