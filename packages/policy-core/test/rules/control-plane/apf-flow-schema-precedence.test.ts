import rule from '../../../src/rules/control-plane/apf-flow-schema-precedence.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** A FlowSchema document: name on line 4, spec on line 5, matchingPrecedence on line 6 when given. */
function flowSchema(name: string, level: string, precedence: number | undefined, rule: string): string {
  return [
    'apiVersion: flowcontrol.apiserver.k8s.io/v1',
    'kind: FlowSchema',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    ...(precedence === undefined ? [] : [`  matchingPrecedence: ${precedence}`]),
    '  priorityLevelConfiguration:',
    `    name: ${level}`,
    '  rules:',
    ...rule.split('\n').map((l) => `    ${l}`),
  ].join('\n');
}

const EVERYTHING =
  'resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: ["*"], clusterScope: true}]';
const PODS_ONLY = 'resourceRules: [{verbs: [list], apiGroups: [""], resources: [pods], namespaces: ["*"]}]';
const group = (name: string, rules: string) =>
  `- subjects: [{kind: Group, group: {name: "${name}"}}]\n  ${rules}`;

const tenantLevel = yaml`
  apiVersion: flowcontrol.apiserver.k8s.io/v1
  kind: PriorityLevelConfiguration
  metadata:
    name: tenant-low
  spec:
    type: Limited
    limited:
      nominalConcurrencyShares: 10
      limitResponse: {type: Reject}
`;

const cases: RuleCase[] = [
  {
    name: 'passes a unique precedence, a broad schema after the system ones, and a level defined in the scan',
    yaml: [
      flowSchema('tenants', 'tenant-low', 1500, group('system:authenticated', EVERYTHING)),
      '---',
      tenantLevel,
    ].join('\n'),
    expected: [],
  },
  {
    name: 'passes a cluster dump where two built-ins share 800, and narrow rules below the built-ins',
    yaml: [
      flowSchema(
        'kube-controller-manager',
        'workload-high',
        800,
        '- subjects: [{kind: User, user: {name: system:kube-controller-manager}}]\n  ' + EVERYTHING,
      ),
      '---',
      flowSchema(
        'kube-scheduler',
        'workload-high',
        800,
        '- subjects: [{kind: User, user: {name: system:kube-scheduler}}]\n  ' + EVERYTHING,
      ),
      '---',
      flowSchema('list-pods', 'workload-low', 50, group('system:authenticated', PODS_ONLY)),
      '---',
      flowSchema(
        'one-namespace',
        'workload-low',
        60,
        group(
          'system:authenticated',
          'resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: [tenant-a]}]',
        ),
      ),
    ].join('\n'),
    expected: [],
  },
  {
    name: 'reports precedences the API server rejects (high) and stops there',
    yaml: [
      flowSchema('mine', 'global-default', 1, group('system:authenticated', PODS_ONLY)),
      '---',
      flowSchema('huge', 'nowhere', 20000, group('system:authenticated', PODS_ONLY)),
    ].join('\n'),
    expected: [
      { line: 6, column: 3, severity: 'high', message: 'only the mandatory "exempt" schema may use 1' },
      { line: 18, column: 3, severity: 'high', message: 'it must be between 1 and 10000' },
    ],
  },
  {
    name: 'reports ties between scanned schemas (unset = 1000) and with built-ins',
    yaml: [
      flowSchema('a', 'workload-low', 1000, group('team-a', PODS_ONLY)),
      '---',
      flowSchema('b', 'workload-low', undefined, group('team-b', PODS_ONLY)),
      '---',
      flowSchema('c', 'workload-low', 9000, group('team-c', PODS_ONLY)),
    ].join('\n'),
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'medium',
        message: 'FlowSchema "a" shares matchingPrecedence 1000 with "b"',
      },
      {
        line: 17,
        column: 1,
        severity: 'medium',
        message: 'FlowSchema "b" shares matchingPrecedence 1000 with "a"',
      },
      { line: 29, column: 3, severity: 'medium', message: 'with "service-accounts" (built-in)' },
    ],
  },
  {
    name: 'reports a broad catch-everything schema that shadows the system built-ins',
    yaml: [
      flowSchema('everyone', 'workload-low', 300, group('system:authenticated', EVERYTHING)),
      '---',
      flowSchema(
        'all-sa',
        'workload-low',
        150,
        group('system:serviceaccounts', 'nonResourceRules: [{verbs: ["*"], nonResourceURLs: ["*"]}]'),
      ),
    ].join('\n'),
    expected: [
      {
        line: 6,
        column: 3,
        message:
          'shadows the built-in "system-node-high", "system-nodes", "kube-controller-manager", "kube-scheduler", "kube-system-service-accounts"',
      },
      {
        line: 18,
        column: 3,
        message: 'shadows the built-in "workload-leader-election", "kube-system-service-accounts"',
      },
    ],
  },
  {
    name: 'a schema for the controller manager alone shadows only the built-ins serving it',
    yaml: flowSchema(
      'kcm-fast',
      'workload-high',
      50,
      '- subjects: [{kind: User, user: {name: system:kube-controller-manager}}]\n  ' + EVERYTHING,
    ),
    expected: [
      {
        line: 6,
        column: 3,
        message: 'shadows the built-in "system-leader-election", "kube-controller-manager": node',
      },
    ],
  },
  {
    name: 'uses the precedence of scanned copies of built-ins',
    yaml: [
      flowSchema('system-nodes', 'system', 250, group('system:nodes', EVERYTHING)),
      '---',
      flowSchema('nodes-custom', 'system', 300, group('system:nodes', EVERYTHING)),
    ].join('\n'),
    expected: [
      {
        line: 18,
        column: 3,
        message:
          'FlowSchema "nodes-custom" (matchingPrecedence 300) matches every request of its subjects and shadows the built-in "system-node-high":',
      },
    ],
  },
  {
    name: 'reports a level that is neither built-in nor scanned (medium) and a missing level name (high); skips templated names',
    yaml: [
      flowSchema('ci', 'ci-bots', 2000, group('ci', PODS_ONLY)),
      '---',
      flowSchema('nameless', '""', 2100, group('ci', PODS_ONLY)),
      '---',
      flowSchema('templated', '"${level}"', 2200, group('ci', PODS_ONLY)),
    ].join('\n'),
    expected: [
      {
        line: 8,
        column: 5,
        severity: 'medium',
        message: 'routes to priority level "ci-bots", which is neither built-in nor defined in the scan',
      },
      { line: 20, column: 5, severity: 'high', message: 'names no priority level' },
    ],
  },
];

describe('apf-flow-schema-precedence', () => {
  testRuleCases(rule, cases);
  it('reads other documents, so it runs after the whole scan is read', () => {
    expect(rule.crossResource).toBe(true);
  });
});
