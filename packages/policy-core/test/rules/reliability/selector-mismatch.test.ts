import rule from '../../../src/rules/reliability/selector-mismatch.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when selectors select their templates (labels may be a superset; expressions count)',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
          matchExpressions:
            - key: tier
              operator: In
              values: [frontend, edge]
            - key: canary
              operator: DoesNotExist
        template:
          metadata:
            labels:
              app: web
              tier: frontend
              version: "2"
          spec:
            containers:
              - name: web
                image: web:1
      ---
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: legacy
      spec:
        selector:
          app: legacy
        template:
          metadata:
            labels:
              app: legacy
          spec:
            containers:
              - name: legacy
                image: legacy:1
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: auto
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: job
                image: job:1
    `,
    expected: [],
  },
  {
    name: 'reports a Deployment whose matchLabels differ from the template labels',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: checkout
      spec:
        selector:
          matchLabels:
            app: checkout
        template:
          metadata:
            labels:
              app: check-out
          spec:
            containers:
              - name: checkout
                image: checkout:1
    `,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'high',
        message:
          'Deployment "checkout" selects app=checkout, but its pod template has labels app=check-out: the API server rejects it',
      },
    ],
  },
  {
    name: 'reports unmet expressions, empty selectors and a template without labels',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        selector:
          matchExpressions:
            - key: app
              operator: In
              values: [db]
        template:
          metadata:
            labels:
              app: postgres
          spec:
            containers:
              - name: db
                image: postgres:17
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector: {}
        template:
          metadata:
            labels:
              app: agent
          spec:
            containers:
              - name: agent
                image: agent:1
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: rs
      spec:
        selector:
          matchLabels:
            app: rs
        template:
          spec:
            containers:
              - name: rs
                image: rs:1
    `,
    expected: [
      {
        line: 6,
        message: 'StatefulSet "db" selects app In (db), but its pod template has labels app=postgres',
      },
      { line: 25, message: 'DaemonSet "agent" has an empty selector, which the API server rejects' },
      { line: 40, message: 'ReplicaSet "rs" selects app=rs, but its pod template has no labels' },
    ],
  },
  {
    name: 'ReplicationController map selectors and Job selectors',
    yaml: yaml`
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: legacy
      spec:
        selector:
          app: legacy
          tier: web
        template:
          metadata:
            labels:
              app: legacy
          spec:
            containers:
              - name: legacy
                image: legacy:1
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      spec:
        selector:
          matchLabels:
            job: migrate
        template:
          metadata:
            labels:
              job: migrate
          spec:
            restartPolicy: Never
            containers:
              - name: migrate
                image: migrate:1
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: manual
      spec:
        manualSelector: true
        selector:
          matchLabels:
            job: manual
        template:
          metadata:
            labels:
              job: other
          spec:
            restartPolicy: Never
            containers:
              - name: manual
                image: manual:1
    `,
    expected: [
      { line: 6, message: 'ReplicationController "legacy" selects app=legacy, tier=web' },
      { line: 23, message: 'Job "migrate" sets spec.selector without manualSelector: true' },
      { line: 42, message: 'Job "manual" selects job=manual, but its pod template has labels job=other' },
    ],
  },
  {
    name: 'skips templated and malformed selectors, and kinds without selector rules',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: templated
      spec:
        selector:
          matchLabels:
            app: \${name}
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: web:1
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: malformed
      spec:
        selector:
          matchExpressions:
            - key: app
              operator: Equals
              values: [web]
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: web:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod
      spec:
        selector:
          matchLabels:
            app: x
        containers:
          - name: pod
            image: pod:1
    `,
    expected: [],
  },
];

describe('selector-mismatch', () => {
  testRuleCases(rule, cases);
});
