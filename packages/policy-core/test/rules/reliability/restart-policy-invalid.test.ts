import rule from '../../../src/rules/reliability/restart-policy-invalid.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with OnFailure/Never for Jobs and Always or unset for controllers and Pods',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: job
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers:
              - name: job
                image: job:1
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            restartPolicy: Always
            initContainers:
              - name: proxy
                image: proxy:1
                restartPolicy: Always
            containers:
              - name: web
                image: web:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        restartPolicy: Never
        containers:
          - name: once
            image: once:1
    `,
    expected: [],
  },
  {
    name: 'reports a Job without restartPolicy (defaults to Always) at its pod spec',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      spec:
        template:
          spec:
            containers:
              - name: migrate
                image: migrate:1
    `,
    expected: [
      {
        line: 7,
        column: 5,
        severity: 'high',
        message:
          'Job "migrate" does not set restartPolicy, so it defaults to Always, which the API server rejects',
      },
    ],
  },
  {
    name: 'reports Always on a CronJob and Never on a StatefulSet, at the value',
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
                restartPolicy: Always
                containers:
                  - name: job
                    image: job:1
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: db
                image: db:1
    `,
    expected: [
      {
        line: 11,
        column: 11,
        message: 'CronJob "nightly" sets restartPolicy: "Always", which the API server rejects for Jobs',
      },
      {
        line: 23,
        column: 7,
        message: 'StatefulSet "db" sets restartPolicy: "Never", which the API server rejects',
      },
    ],
  },
  {
    name: 'skips templated values',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: job
      spec:
        template:
          spec:
            restartPolicy: \${policy}
            containers:
              - name: job
                image: job:1
    `,
    expected: [],
  },
];

describe('restart-policy-invalid', () => {
  testRuleCases(rule, cases);

  it('offers a fix only where the field is written', () => {
    const [written] = runRule(
      rule,
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: a, image: a}]\n',
    );
    expect(written?.fix).toEqual({
      description: 'Set restartPolicy to Always',
      replacement: '      restartPolicy: Always',
    });
    const [absent] = runRule(
      rule,
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: j, image: j}]\n',
    );
    expect(absent?.fix).toBeUndefined();
  });
});
