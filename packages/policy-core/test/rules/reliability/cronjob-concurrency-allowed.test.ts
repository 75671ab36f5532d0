import rule from '../../../src/rules/reliability/cronjob-concurrency-allowed.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with Forbid, Replace or a templated policy',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: forbid
      spec:
        schedule: "*/5 * * * *"
        concurrencyPolicy: Forbid
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: replace
      spec:
        schedule: "*/5 * * * *"
        concurrencyPolicy: Replace
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: templated
      spec:
        schedule: "*/5 * * * *"
        concurrencyPolicy: \${policy}
    `,
    expected: [],
  },
  {
    name: 'reports an explicit Allow at the value and an unset policy at spec (info)',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: allow
      spec:
        schedule: "*/5 * * * *"
        concurrencyPolicy: Allow
      ---
      apiVersion: batch/v1beta1
      kind: CronJob
      metadata:
        name: unset
      spec:
        schedule: "*/5 * * * *"
    `,
    expected: [
      {
        line: 7,
        column: 3,
        severity: 'info',
        message: 'CronJob "allow" allows concurrent runs (concurrencyPolicy: Allow): a run that outlasts',
      },
      {
        line: 13,
        column: 1,
        message: 'CronJob "unset" allows concurrent runs (concurrencyPolicy unset, so Allow)',
      },
    ],
  },
];

describe('cronjob-concurrency-allowed', () => {
  testRuleCases(rule, cases);
});
