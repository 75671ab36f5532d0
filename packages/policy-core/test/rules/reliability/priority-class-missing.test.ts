import rule from '../../../src/rules/reliability/priority-class-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when the pod template names a priority class',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            priorityClassName: business-critical
            containers: [{name: web, image: web}]
    `,
    expected: [],
  },
  {
    name: 'reports any workload kind without one, at its pod spec (info)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
      spec:
        containers: [{name: pod, image: pod}]
      ---
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
                restartPolicy: Never
                containers: [{name: n, image: n}]
    `,
    expected: [
      {
        line: 5,
        column: 1,
        severity: 'info',
        message: 'Pod "pod" sets no priorityClassName: its pods get the cluster',
      },
      { line: 17, column: 9, message: 'CronJob "nightly" sets no priorityClassName' },
    ],
  },
];

describe('priority-class-missing', () => {
  testRuleCases(rule, cases);
});
