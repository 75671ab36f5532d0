import rule from '../../../src/rules/control-plane/apiserver-audit-logging.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { apiserverPod } from './fixtures.js';

const cases: RuleCase[] = [
  {
    name: 'passes a log backend with a policy and CIS retention',
    yaml: apiserverPod(
      '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
      '--audit-log-path=/var/log/kubernetes/audit/audit.log',
      '--audit-log-maxage=30',
      '--audit-log-maxbackup=10',
      '--audit-log-maxsize=100',
    ),
    expected: [],
  },
  {
    name: 'passes a webhook backend, stdout logging and unset retention (0 = unlimited)',
    yaml: [
      apiserverPod(
        '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
        '--audit-webhook-config-file=/etc/kubernetes/audit-webhook.yaml',
      ),
      '---',
      apiserverPod(
        '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
        '--audit-log-path=-',
        '--audit-log-maxage=1',
      ),
      '---',
      apiserverPod(
        '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
        '--audit-log-path=/var/log/audit.log',
        '--audit-log-maxage=0',
      ),
    ].join('\n'),
    expected: [],
  },
  {
    name: 'does not judge templated audit flags',
    yaml: apiserverPod('--audit-log-path=$(AUDIT_PATH)'),
    expected: [],
  },
  {
    name: 'reports no audit backend at the container, and nothing else',
    yaml: apiserverPod('--audit-log-maxage=1'),
    expected: [
      {
        line: 8,
        column: 7,
        severity: 'medium',
        container: 'kube-apiserver',
        message: 'has no audit backend',
      },
    ],
  },
  {
    name: 'reports a backend without a policy at the backend flag',
    yaml: apiserverPod(
      '--audit-log-path=/var/log/audit.log',
      '--audit-log-maxage=30',
      '--audit-log-maxbackup=10',
      '--audit-log-maxsize=100',
    ),
    expected: [
      {
        line: 12,
        column: 11,
        severity: 'medium',
        message: 'no --audit-policy-file, so no audit events are recorded',
      },
    ],
  },
  {
    name: 'reports short retention (low), one finding per flag',
    yaml: apiserverPod(
      '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
      '--audit-log-path=/var/log/audit.log',
      '--audit-log-maxage=7',
      '--audit-log-maxbackup=3',
      '--audit-log-maxsize=50',
    ),
    expected: [
      { line: 14, column: 11, severity: 'low', message: '--audit-log-maxage=7 (below 30 days, CIS 1.2.17)' },
      { line: 15, column: 11, severity: 'low', message: '--audit-log-maxbackup=3' },
      { line: 16, column: 11, severity: 'low', message: '--audit-log-maxsize=50' },
    ],
  },
  {
    name: 'kubeadm sets no audit flags; v1beta3 extraArgs can add them',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      ---
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          audit-log-path: /var/log/kubernetes/audit.log
          audit-policy-file: /etc/kubernetes/audit.yaml
          audit-log-maxbackup: "2"
    `,
    expected: [
      {
        line: 2,
        column: 1,
        message: 'kube-apiserver (kubeadm ClusterConfiguration apiServer.extraArgs) has no audit backend',
      },
      { line: 10, column: 5, severity: 'low', message: '--audit-log-maxbackup=2' },
    ],
  },
];

describe('apiserver-audit-logging', () => {
  testRuleCases(rule, cases);
});
