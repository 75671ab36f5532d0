import rule from '../../../src/rules/control-plane/apiserver-inflight-limits.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { apiserverPod } from './fixtures.js';

const cases: RuleCase[] = [
  {
    name: 'passes the defaults (APF on, 400 + 200)',
    yaml: apiserverPod('--secure-port=6443'),
    expected: [],
  },
  {
    name: 'with APF on only the total matters: an inverted split or a zero class is not reported',
    yaml: [
      apiserverPod('--max-requests-inflight=100', '--max-mutating-requests-inflight=400'),
      '---',
      apiserverPod('--max-requests-inflight=0', '--max-mutating-requests-inflight=600'),
    ].join('\n'),
    expected: [],
  },
  {
    name: 'does not judge templated or non-integer values',
    yaml: [
      apiserverPod('--enable-priority-and-fairness=false', '--max-requests-inflight=${READ}'),
      '---',
      apiserverPod('--max-requests-inflight=lots'),
    ].join('\n'),
    expected: [{ line: 12, column: 11, severity: 'high', message: '--enable-priority-and-fairness=false' }],
  },
  {
    name: 'reports APF switched off (high); the default limits are then fine',
    yaml: apiserverPod('--enable-priority-and-fairness=false'),
    expected: [{ line: 12, column: 11, severity: 'high', message: 'no per-flow fairness' }],
  },
  {
    name: 'APF off: a zero limit is high at its flag',
    yaml: apiserverPod('--enable-priority-and-fairness=false', '--max-requests-inflight=0'),
    expected: [
      { line: 12, column: 11, severity: 'high', message: '--enable-priority-and-fairness=false' },
      {
        line: 13,
        column: 11,
        severity: 'high',
        message:
          '--max-requests-inflight=0 with priority and fairness off: read-only requests have no concurrency limit',
      },
    ],
  },
  {
    name: 'APF off: more mutating than read-only slots is medium',
    yaml: apiserverPod(
      '--enable-priority-and-fairness=false',
      '--max-requests-inflight=300',
      '--max-mutating-requests-inflight=500',
    ),
    expected: [
      { line: 12, column: 11, severity: 'high' },
      { line: 14, column: 11, severity: 'medium', message: 'more mutating than read-only slots' },
    ],
  },
  {
    name: 'APF off: a read:write ratio above 4:1 is low, reported at the written flag',
    yaml: apiserverPod('--enable-priority-and-fairness=false', '--max-requests-inflight=1000'),
    expected: [
      { line: 12, column: 11, severity: 'high' },
      { line: 13, column: 11, severity: 'low', message: 'a read:write ratio of 5.0:1 (above 4:1)' },
    ],
  },
  {
    name: 'APF on: a total outside 100–10000 is low; a total of 0 is high',
    yaml: [
      apiserverPod('--max-requests-inflight=40', '--max-mutating-requests-inflight=20'),
      '---',
      apiserverPod('--max-requests-inflight=20000'),
      '---',
      apiserverPod('--max-requests-inflight=0', '--max-mutating-requests-inflight=0'),
    ].join('\n'),
    expected: [
      { line: 13, column: 11, severity: 'low', message: 'a total concurrency of 60 is too small' },
      { line: 27, column: 11, severity: 'low', message: 'a total concurrency of 20200 is too large' },
      { line: 42, column: 11, severity: 'high', message: 'which must be positive' },
    ],
  },
  {
    name: 'kubeadm v1beta4 extraArgs',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          - name: enable-priority-and-fairness
            value: "false"
          - name: max-mutating-requests-inflight
            value: "0"
    `,
    expected: [
      {
        line: 6,
        column: 7,
        severity: 'high',
        message:
          'kube-apiserver (kubeadm ClusterConfiguration apiServer.extraArgs) runs with --enable-priority-and-fairness=false',
      },
      { line: 8, column: 7, severity: 'high', message: 'mutating requests have no concurrency limit' },
    ],
  },
];

describe('apiserver-inflight-limits', () => {
  testRuleCases(rule, cases);
});
