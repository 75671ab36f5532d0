import rule from '../../../src/rules/reliability/ephemeral-storage-unset.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a container limit or a LimitRange max',
    yaml: yaml`
      apiVersion: v1
      kind: LimitRange
      metadata:
        name: storage
        namespace: shop
      spec:
        limits:
          - type: Container
            max:
              ephemeral-storage: 4Gi
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: web
                image: web:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: own
      spec:
        containers:
          - name: app
            image: app:1
            resources:
              limits:
                ephemeral-storage: 1Gi
    `,
    expected: [],
  },
  {
    name: 'a request alone does not count, and pod-level resources cannot set ephemeral storage',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        resources:
          limits:
            memory: 1Gi
        containers:
          - name: app
            image: app:1
            resources:
              requests:
                ephemeral-storage: 1Gi
          - name: other
            image: other:1
    `,
    expected: [
      {
        line: 12,
        column: 7,
        container: 'app',
        message: 'Container "app" has no ephemeral-storage limit: logs and files',
      },
      { line: 15, column: 7, container: 'other' },
    ],
  },
];

describe('ephemeral-storage-unset', () => {
  testRuleCases(rule, cases);
});
