import rule from '../../../src/rules/identity/default-service-account.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a dedicated ServiceAccount',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            serviceAccountName: web
            containers:
              - name: web
                image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports an unset serviceAccountName at the pod spec',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx
    `,
    expected: [
      {
        line: 7,
        column: 5,
        message: `The pod runs as the namespace's "default" ServiceAccount (serviceAccountName is not set)`,
      },
    ],
  },
  {
    name: 'reports serviceAccountName: default and an empty name at the field',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccountName: default
        containers:
          - name: a
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: ""
        containers:
          - name: b
            image: nginx
    `,
    expected: [
      { line: 6, column: 3, message: '(serviceAccountName: default)' },
      { line: 15, column: 1, message: '(serviceAccountName is not set)' },
    ],
  },
  {
    name: 'the deprecated alias names another account (passes) or default (reported at the alias)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccount: web
        containers:
          - name: a
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccount: default
        containers:
          - name: b
            image: nginx
    `,
    expected: [{ line: 16, column: 3, message: '(serviceAccount: default)' }],
  },
  {
    name: 'serviceAccountName wins over the alias',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccountName: default
        serviceAccount: web
        containers:
          - name: a
            image: nginx
    `,
    expected: [{ line: 6, message: '(serviceAccountName: default)' }],
  },
  {
    name: 'templated names are not judged',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccountName: \${SERVICE_ACCOUNT}
        containers:
          - name: a
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'checks CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
      spec:
        schedule: "0 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: report
                    image: busybox
    `,
    expected: [{ line: 10, column: 9 }],
  },
];

describe('default-service-account', () => {
  testRuleCases(rule, cases);
});
