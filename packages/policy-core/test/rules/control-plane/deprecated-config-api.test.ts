import rule from '../../../src/rules/control-plane/deprecated-config-api.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const flowcontrol = (version: string, kind = 'FlowSchema') => yaml`
  apiVersion: flowcontrol.apiserver.k8s.io/${version}
  kind: ${kind}
  metadata:
    name: tenants
`;

const cases: RuleCase[] = [
  {
    name: 'passes flowcontrol v1 and well-shaped kubeadm v1beta3 / v1beta4 configuration',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1
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
    name: 'reports removed flowcontrol versions as high when the target version is unknown',
    yaml: [flowcontrol('v1beta3'), '---', flowcontrol('v1beta1', 'PriorityLevelConfiguration')].join('\n'),
    expected: [
      {
        line: 1,
        column: 1,
        severity: 'high',
        message:
          'FlowSchema "tenants" uses flowcontrol.apiserver.k8s.io/v1beta3, which is not served since Kubernetes 1.32',
      },
      {
        line: 7,
        column: 1,
        severity: 'high',
        message: 'since Kubernetes 1.26: the apply fails; use flowcontrol.apiserver.k8s.io/v1',
      },
    ],
  },
  {
    name: 'gates on the target Kubernetes version: removed (high), deprecated with a replacement (low), current (none)',
    settings: { kubernetesVersion: { major: 1, minor: 28 } },
    yaml: [flowcontrol('v1beta1'), '---', flowcontrol('v1beta2'), '---', flowcontrol('v1beta3')].join('\n'),
    expected: [
      {
        line: 1,
        column: 1,
        severity: 'high',
        message:
          'not served on the target Kubernetes 1.28: the apply fails; use flowcontrol.apiserver.k8s.io/v1beta3',
      },
      {
        line: 7,
        column: 1,
        severity: 'low',
        message:
          'deprecated and no longer served from Kubernetes 1.29: migrate to flowcontrol.apiserver.k8s.io/v1beta3',
      },
    ],
  },
  {
    name: 'on 1.31, v1beta3 is still served but v1 is available (low)',
    settings: { kubernetesVersion: { major: 1, minor: 31 } },
    yaml: flowcontrol('v1beta3', 'PriorityLevelConfiguration'),
    expected: [
      { line: 1, column: 1, severity: 'low', message: 'migrate to flowcontrol.apiserver.k8s.io/v1.' },
    ],
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

describe('deprecated-config-api', () => {
  testRuleCases(rule, cases);
});
