import rule from '../../../src/rules/reliability/cpu-limit-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a container, pod-level or LimitRange CPU limit',
    yaml: yaml`
      apiVersion: v1
      kind: LimitRange
      metadata:
        name: defaults
      spec:
        limits:
          - type: Container
            default:
              cpu: 500m
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: from-limit-range
      spec:
        containers:
          - name: app
            image: app:1
    `,
    expected: [],
  },
  {
    name: 'passes with container and pod-level limits',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: own
        namespace: shop
      spec:
        containers:
          - name: app
            image: app:1
            resources:
              limits:
                cpu: "1"
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-level
        namespace: shop
      spec:
        resources:
          limits:
            cpu: "2"
        containers:
          - name: app
            image: app:1
    `,
    expected: [],
  },
  {
    name: 'reports containers without a CPU limit; a CPU request is not a limit',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            containers:
              - name: db
                image: postgres:17
                resources:
                  requests:
                    cpu: "1"
                  limits:
                    memory: 2Gi
              - name: exporter
                image: exporter:1
    `,
    expected: [
      {
        line: 14,
        column: 13,
        container: 'db',
        message: 'Container "db" has no CPU limit: it can take all spare CPU',
      },
      { line: 16, column: 11, container: 'exporter', severity: 'low' },
    ],
  },
  {
    name: 'ignores pod-level limits when the target version is 1.32',
    settings: { kubernetesVersion: { major: 1, minor: 32 } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-level
      spec:
        resources:
          limits:
            cpu: "2"
        containers:
          - name: app
            image: app:1
    `,
    expected: [{ line: 10, container: 'app' }],
  },
];

describe('cpu-limit-missing', () => {
  testRuleCases(rule, cases);
});
