import rule from '../../../src/rules/reliability/job-ttl-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a TTL, for Jobs a CronJob owns, and for CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      spec:
        ttlSecondsAfterFinished: 3600
        template:
          spec:
            restartPolicy: Never
            containers: [{name: m, image: m}]
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: nightly-28000000
        ownerReferences:
          - apiVersion: batch/v1
            kind: CronJob
            name: nightly
            uid: abc
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{name: n, image: n}]
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
    expected: [],
  },
  {
    name: 'reports a standalone Job without a TTL at its spec',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      spec:
        backoffLimit: 2
        template:
          spec:
            restartPolicy: Never
            containers: [{name: m, image: m}]
    `,
    expected: [
      {
        line: 5,
        column: 1,
        severity: 'low',
        message:
          'Job "migrate" sets no ttlSecondsAfterFinished: the finished Job and its pods stay in the cluster',
      },
    ],
  },
  {
    name: 'skips Jobs another controller owns',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: workflow-step
        ownerReferences: [{apiVersion: argoproj.io/v1alpha1, kind: Workflow, name: wf, uid: x, controller: true}]
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{name: s, image: s}]
    `,
    expected: [],
  },
];

describe('job-ttl-missing', () => {
  testRuleCases(rule, cases);
});
