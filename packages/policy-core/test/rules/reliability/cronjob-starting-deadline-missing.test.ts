import rule from '../../../src/rules/reliability/cronjob-starting-deadline-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a deadline, and ignores other kinds and API groups',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 2 * * *"
        startingDeadlineSeconds: 600
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: job, image: job}]
      ---
      apiVersion: example.com/v1
      kind: CronJob
      metadata:
        name: custom
      spec:
        schedule: "0 2 * * *"
    `,
    expected: [],
  },
  {
    name: 'reports a CronJob without startingDeadlineSeconds at its spec',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 2 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: job, image: job}]
    `,
    expected: [
      {
        line: 5,
        column: 1,
        severity: 'low',
        message:
          'CronJob "nightly" sets no startingDeadlineSeconds: a run missed during a control-plane outage',
      },
    ],
  },
];

describe('cronjob-starting-deadline-missing', () => {
  testRuleCases(rule, cases);
});
