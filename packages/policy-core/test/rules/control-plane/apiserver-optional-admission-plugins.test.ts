import rule from '../../../src/rules/control-plane/apiserver-optional-admission-plugins.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { apiserverPod } from './fixtures.js';

const cases: RuleCase[] = [
  {
    name: 'passes when all three recommended plugins are enabled',
    yaml: apiserverPod(
      '--enable-admission-plugins=NodeRestriction,EventRateLimit,DenyServiceExternalIPs,AlwaysPullImages',
    ),
    expected: [],
  },
  {
    name: 'reports each missing plugin (low) at the enable flag',
    yaml: apiserverPod('--enable-admission-plugins=NodeRestriction,EventRateLimit'),
    expected: [
      {
        line: 12,
        column: 11,
        severity: 'low',
        message: 'DenyServiceExternalIPs is not in --enable-admission-plugins',
      },
      { line: 12, column: 11, severity: 'low', message: 'AlwaysPullImages' },
    ],
  },
  {
    name: 'a plugin both enabled and disabled is off; reported at the disable flag',
    yaml: apiserverPod(
      '--enable-admission-plugins=EventRateLimit,DenyServiceExternalIPs,AlwaysPullImages',
      '--disable-admission-plugins=AlwaysPullImages',
    ),
    expected: [
      { line: 13, column: 11, message: 'AlwaysPullImages is disabled by --disable-admission-plugins' },
    ],
  },
  {
    name: 'kubeadm defaults enable only NodeRestriction: reported where extraArgs would go',
    yaml: yaml`
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer:
        certSANs: [api.example.com]
    `,
    expected: [
      { line: 3, column: 1, message: 'EventRateLimit is not in --enable-admission-plugins (set by kubeadm)' },
      { line: 3, column: 1, message: 'DenyServiceExternalIPs' },
      { line: 3, column: 1, message: 'AlwaysPullImages' },
    ],
  },
];

describe('apiserver-optional-admission-plugins', () => {
  testRuleCases(rule, cases);
  it('is not in the recommended profile', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
