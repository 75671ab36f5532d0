import rule from '../../../src/rules/control-plane/apiserver-admission-plugins.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { KUBEADM_APISERVER_FLAGS, apiserverPod } from './fixtures.js';

const cases: RuleCase[] = [
  {
    name: 'passes the flags kubeadm writes (NodeRestriction enabled, defaults on)',
    yaml: apiserverPod(...KUBEADM_APISERVER_FLAGS),
    expected: [],
  },
  {
    name: 'passes repeated enable flags (they accumulate) and a kubeadm configuration that keeps the kubeadm default',
    yaml: [
      apiserverPod('--enable-admission-plugins=EventRateLimit', '--enable-admission-plugins=NodeRestriction'),
      '---',
      'apiVersion: kubeadm.k8s.io/v1beta3',
      'kind: ClusterConfiguration',
      'apiServer:',
      '  extraArgs:',
      '    profiling: "false"',
    ].join('\n'),
    expected: [],
  },
  {
    name: 'does not judge templated plugin lists',
    yaml: apiserverPod('--enable-admission-plugins=${PLUGINS}', '--disable-admission-plugins=ServiceAccount'),
    expected: [],
  },
  {
    name: 'reports NodeRestriction off by default when no plugin flag is set, at the container',
    yaml: apiserverPod('--secure-port=6443'),
    expected: [
      {
        line: 8,
        column: 7,
        severity: 'high',
        container: 'kube-apiserver',
        message: 'NodeRestriction is not enabled (--enable-admission-plugins is unset)',
      },
    ],
  },
  {
    name: 'reports AlwaysAdmit and a list without NodeRestriction at the flag',
    yaml: apiserverPod('--enable-admission-plugins=AlwaysAdmit,EventRateLimit'),
    expected: [
      { line: 12, column: 11, message: 'AlwaysAdmit is enabled by --enable-admission-plugins' },
      { line: 12, column: 11, message: 'NodeRestriction is not in --enable-admission-plugins' },
    ],
  },
  {
    name: 'reports ServiceAccount and NamespaceLifecycle disabled, at the disable flag',
    yaml: apiserverPod(
      '--enable-admission-plugins=NodeRestriction',
      '--disable-admission-plugins=ServiceAccount,NamespaceLifecycle',
    ),
    expected: [
      { line: 13, column: 11, message: 'ServiceAccount is disabled by --disable-admission-plugins' },
      { line: 13, column: 11, message: 'NamespaceLifecycle is disabled' },
    ],
  },
  {
    name: 'the deprecated --admission-control list replaces the defaults',
    yaml: apiserverPod('--admission-control=NamespaceLifecycle,LimitRanger'),
    expected: [
      { line: 12, column: 11, message: 'NodeRestriction is missing from --admission-control' },
      { line: 12, column: 11, message: 'ServiceAccount is missing from --admission-control' },
    ],
  },
  {
    name: 'kubeadm extraArgs that replace enable-admission-plugins without NodeRestriction (v1beta4)',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          - name: enable-admission-plugins
            value: EventRateLimit,AlwaysPullImages
    `,
    expected: [
      {
        line: 6,
        column: 7,
        severity: 'high',
        message:
          'kube-apiserver (kubeadm ClusterConfiguration apiServer.extraArgs): admission plugin NodeRestriction',
      },
    ],
  },
];

describe('apiserver-admission-plugins', () => {
  testRuleCases(rule, cases);
});
