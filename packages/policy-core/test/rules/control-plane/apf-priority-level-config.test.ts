import rule from '../../../src/rules/control-plane/apf-priority-level-config.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** A Limited level: name on line 4, annotations (if any) from line 5, then spec/limited. */
function level(
  name: string,
  limited: string,
  options: { apiVersion?: string; annotation?: string } = {},
): string {
  return [
    `apiVersion: flowcontrol.apiserver.k8s.io/${options.apiVersion ?? 'v1'}`,
    'kind: PriorityLevelConfiguration',
    'metadata:',
    `  name: ${name}`,
    ...(options.annotation === undefined
      ? []
      : ['  annotations:', `    apf.kubernetes.io/autoupdate-spec: "${options.annotation}"`]),
    'spec:',
    '  type: Limited',
    '  limited:',
    ...limited.split('\n').map((l) => `    ${l}`),
  ].join('\n');
}

/** A FlowSchema routing a group to a level. */
function schema(name: string, levelName: string, groupName: string, precedence = 2000): string {
  return [
    'apiVersion: flowcontrol.apiserver.k8s.io/v1',
    'kind: FlowSchema',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  matchingPrecedence: ${precedence}`,
    `  priorityLevelConfiguration: {name: ${levelName}}`,
    '  rules:',
    `    - subjects: [{kind: Group, group: {name: "${groupName}"}}]`,
    '      nonResourceRules: [{verbs: ["*"], nonResourceURLs: ["*"]}]',
  ].join('\n');
}

const QUEUE = (queuing: string) =>
  `nominalConcurrencyShares: 10\nlimitResponse:\n  type: Queue\n  queuing: {${queuing}}`;

const cases: RuleCase[] = [
  {
    name: 'passes valid custom levels, an annotated edit of a built-in and an unedited built-in copy',
    yaml: [
      level('tenant', QUEUE('queues: 32, handSize: 4, queueLengthLimit: 100')),
      '---',
      schema('tenant', 'tenant', 'tenants'),
      '---',
      level('workload-low', QUEUE('queues: 64, handSize: 6, queueLengthLimit: 50'), { annotation: 'false' }),
      '---',
      level(
        'global-default',
        'nominalConcurrencyShares: 20\nlimitResponse:\n  type: Queue\n  queuing: {queues: 128, handSize: 6, queueLengthLimit: 50}',
        { annotation: 'true' },
      ),
      '---',
      level('unused', 'nominalConcurrencyShares: 0\nlimitResponse: {type: Reject}'),
      '---',
      level('old', 'nominalConcurrencyShares: 0\nlimitResponse: {type: Reject}', { apiVersion: 'v1beta3' }),
      '---',
      schema('old', 'old', 'legacy'),
    ].join('\n'),
    expected: [],
  },
  {
    name: 'reports queuing values the API server rejects (high)',
    yaml: [
      level('a', QUEUE('queues: 4, handSize: 6')),
      '---',
      level('b', QUEUE('queues: 4')),
      '---',
      level('c', QUEUE('queues: 128, handSize: 9')),
      '---',
      level('d', QUEUE('queues: -1')),
    ].join('\n'),
    expected: [
      { line: 11, column: 28, severity: 'high', message: 'handSize 6 greater than queues 4' },
      { line: 23, column: 7, severity: 'high', message: 'handSize 8 greater than queues 4' },
      { line: 35, column: 30, severity: 'high', message: 'needs 63 bits of shuffle-sharding entropy' },
      { line: 47, column: 17, severity: 'high', message: 'sets queues: -1' },
    ],
  },
  {
    name: 'reports queuing with Reject and a Limited level without spec.limited (high)',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: PriorityLevelConfiguration
      metadata:
        name: mixed
      spec:
        type: Limited
        limited:
          limitResponse:
            type: Reject
            queuing: {queues: 8}
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: PriorityLevelConfiguration
      metadata:
        name: empty
      spec:
        type: Limited
    `,
    expected: [
      { line: 10, column: 7, severity: 'high', message: 'sets queuing with limitResponse type Reject' },
      { line: 16, column: 1, severity: 'high', message: 'has type Limited but no spec.limited' },
    ],
  },
  {
    name: 'reports a very long queue (medium)',
    yaml: level('deep', QUEUE('queues: 64, handSize: 8, queueLengthLimit: 5000')),
    expected: [
      {
        line: 11,
        column: 42,
        severity: 'medium',
        message: 'queueLengthLimit: 5000 (up to 40000 queued requests per flow)',
      },
    ],
  },
  {
    name: 'reports zero shares on a level a FlowSchema uses, and Reject / full lending on a level serving nodes',
    yaml: [
      level('bots', 'nominalConcurrencyShares: 0\nlimitResponse: {type: Reject}'),
      '---',
      schema('bots', 'bots', 'ci-bots'),
      '---',
      level(
        'nodes-fast',
        'nominalConcurrencyShares: 30\nlendablePercent: 100\nlimitResponse: {type: Reject}',
      ),
      '---',
      schema('nodes-fast', 'nodes-fast', 'system:nodes', 350),
    ].join('\n'),
    expected: [
      {
        line: 8,
        column: 5,
        severity: 'medium',
        message: 'has nominalConcurrencyShares: 0 but FlowSchemas route to it',
      },
      { line: 30, column: 5, severity: 'low', message: 'lends 100% of its seats' },
      {
        line: 31,
        column: 21,
        severity: 'medium',
        message: 'rejects excess requests (HTTP 429) but serves nodes',
      },
    ],
  },
  {
    name: 'reports edited built-ins without autoupdate-spec "false", and any edit of a mandatory object',
    yaml: [
      level('leader-election', 'nominalConcurrencyShares: 10\nlimitResponse: {type: Reject}'),
      '---',
      schema('service-accounts', 'workload-low', 'system:serviceaccounts', 7000),
      '---',
      level('system', QUEUE('queues: 64, handSize: 6, queueLengthLimit: 50'), { annotation: 'true' }),
      '---',
      level('catch-all', 'nominalConcurrencyShares: 50\nlimitResponse: {type: Reject}', {
        annotation: 'false',
      }),
    ].join('\n'),
    expected: [
      {
        line: 3,
        column: 1,
        severity: 'medium',
        message:
          'PriorityLevelConfiguration "leader-election" changes the built-in limitResponse without annotation',
      },
      {
        line: 9,
        column: 21,
        severity: 'medium',
        message:
          'rejects excess requests (HTTP 429) but serves nodes, controllers or kube-system service accounts',
      },
      {
        line: 13,
        column: 1,
        severity: 'medium',
        message: 'FlowSchema "service-accounts" changes the built-in matchingPrecedence',
      },
      {
        line: 27,
        column: 5,
        severity: 'medium',
        message: 'PriorityLevelConfiguration "system" changes the built-in nominalConcurrencyShares',
      },
      {
        line: 42,
        column: 1,
        severity: 'medium',
        message: '"catch-all" is a mandatory built-in object and differs in nominalConcurrencyShares',
      },
    ],
  },
];

describe('apf-priority-level-config', () => {
  testRuleCases(rule, cases);
});
