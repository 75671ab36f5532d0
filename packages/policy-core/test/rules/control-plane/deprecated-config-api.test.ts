import rule from '../../../src/rules/control-plane/deprecated-config-api.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes well-shaped kubeadm v1beta3 / v1beta4 configuration and leaves API versions to api-version-removed',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
      kind: FlowSchema
      metadata:
        name: tenants
      ---
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          profiling: "false"
      etcd:
        local:
          extraArgs:
            listen-metrics-urls: http://127.0.0.1:2381
      ---
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: InitConfiguration
      nodeRegistration:
        kubeletExtraArgs:
          - name: node-labels
            value: role=control-plane
    `,
    expected: [],
  },
  {
    name: "reports kubeadm extraArgs in the other version's shape (high)",
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          profiling: "false"
      scheduler:
        extraArgs:
          - name: profiling
            value: "false"
      ---
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: JoinConfiguration
      nodeRegistration:
        kubeletExtraArgs:
          - name: node-labels
            value: a=b
    `,
    expected: [
      {
        line: 4,
        column: 3,
        severity: 'high',
        message:
          'writes apiServer.extraArgs as a map, but this version expects a list of {name, value} items',
      },
      {
        line: 14,
        column: 3,
        severity: 'high',
        message:
          'writes nodeRegistration.kubeletExtraArgs as a list, but this version expects a map of flag: value',
      },
    ],
  },
];

cases.push(
  {
    name: 'ignores other kubeadm versions, other groups and fields that are not a map or a list',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta2
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          - name: profiling
            value: "false"
      ---
      apiVersion: example.com/v1beta4
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          profiling: "false"
      ---
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      apiServer:
        extraArgs: "--profiling=false"
    `,
    expected: [],
  },
  {
    name: 'checks every extraArgs field of a ClusterConfiguration and kubeletExtraArgs of an InitConfiguration',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      controllerManager:
        extraArgs:
          - name: profiling
            value: "false"
      etcd:
        local:
          extraArgs:
            - name: listen-metrics-urls
              value: http://127.0.0.1:2381
      ---
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: InitConfiguration
      nodeRegistration:
        kubeletExtraArgs:
          node-labels: role=control-plane
    `,
    expected: [
      { line: 4, column: 3, severity: 'high', message: 'writes controllerManager.extraArgs as a list' },
      { line: 9, column: 5, severity: 'high', message: 'writes etcd.local.extraArgs as a list' },
      {
        line: 16,
        column: 3,
        severity: 'high',
        message: 'InitConfiguration kubeadm.k8s.io/v1beta4 writes nodeRegistration.kubeletExtraArgs as a map',
      },
    ],
  },
);

describe('deprecated-config-api', () => {
  testRuleCases(rule, cases);
});
