import rule from '../../../src/rules/control-plane/apiserver-authorization-mode.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes a static pod with Node,RBAC',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
        namespace: kube-system
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command:
              - kube-apiserver
              - --authorization-mode=Node,RBAC
    `,
    expected: [],
  },
  {
    name: 'passes repeated flags, which accumulate like a pflag string slice',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
      spec:
        containers:
          - name: apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command: [/usr/local/bin/kube-apiserver, --authorization-mode=Node]
            args: [--authorization-mode=RBAC,Webhook]
    `,
    expected: [],
  },
  {
    name: 'passes a kubeadm configuration that leaves the mode to kubeadm (Node,RBAC)',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          profiling: "false"
    `,
    expected: [],
  },
  {
    name: 'skips structured authorization, templated values, shell wrappers and other containers',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command: [kube-apiserver, --authorization-config=/etc/kubernetes/authz.yaml]
          - name: kube-apiserver-templated
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command: [kube-apiserver, "--authorization-mode=\${AUTHZ_MODES}"]
          - name: kube-apiserver-shell
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command: [/bin/sh, -c, "exec kube-apiserver --authorization-mode=AlwaysAllow"]
          - name: app
            image: nginx:1.27
            command: [nginx, --authorization-mode=AlwaysAllow]
    `,
    expected: [],
  },
  {
    name: 'reports the AlwaysAllow default when a static pod does not set the flag',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command:
              - kube-apiserver
              - --secure-port=6443
    `,
    expected: [
      {
        line: 7,
        column: 7,
        severity: 'critical',
        container: 'kube-apiserver',
        message: 'defaults to AlwaysAllow',
      },
    ],
  },
  {
    name: 'reports AlwaysAllow anywhere in the list, once',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command:
              - kube-apiserver
              - --authorization-mode=Webhook,AlwaysAllow
    `,
    expected: [
      { line: 11, column: 11, severity: 'critical', message: 'includes AlwaysAllow in --authorization-mode' },
    ],
  },
  {
    name: 'reports a missing Node or RBAC mode (high), also with the --flag value form in args',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
            command: [kube-apiserver]
            args:
              - --authorization-mode
              - Webhook
    `,
    expected: [
      { line: 11, column: 11, severity: 'high', message: 'lacks Node' },
      { line: 11, column: 11, severity: 'high', message: 'lacks RBAC' },
    ],
  },
  {
    name: 'reads kubeadm v1beta4 list-shaped extraArgs at the value',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          - name: authorization-mode
            value: AlwaysAllow
    `,
    expected: [
      {
        line: 6,
        column: 7,
        severity: 'critical',
        message: 'kube-apiserver (kubeadm ClusterConfiguration apiServer.extraArgs)',
      },
    ],
  },
  {
    name: 'reads kubeadm v1beta3 map-shaped extraArgs, where the user value replaces kubeadm Node,RBAC',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          authorization-mode: RBAC
    `,
    expected: [
      { line: 5, column: 5, severity: 'high', message: '--authorization-mode=RBAC, which lacks Node' },
    ],
  },
  {
    name: 'checks hosted control planes in Deployments (args only) and the old hyperkube binary in a List',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: tenant-apiserver
          spec:
            selector:
              matchLabels: {app: apiserver}
            template:
              metadata:
                labels: {app: apiserver}
              spec:
                containers:
                  - name: kube-apiserver
                    image: registry.k8s.io/kube-apiserver:v1.31.0
                    args: [--authorization-mode=RBAC]
        - apiVersion: v1
          kind: Pod
          metadata:
            name: legacy
          spec:
            containers:
              - name: apiserver
                image: hyperkube:v1.15.0
                command: [/hyperkube, kube-apiserver, --authorization-mode=AlwaysAllow]
    `,
    expected: [
      { line: 18, column: 22, severity: 'high', message: 'lacks Node' },
      { line: 27, column: 49, severity: 'critical', container: 'apiserver' },
    ],
  },
];

describe('apiserver-authorization-mode', () => {
  testRuleCases(rule, cases);
});
