import rule from '../../../src/rules/reliability/resource-requests-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with explicit requests, with limits only (they imply requests) and with pod-level requests',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: explicit
            image: a:1
            resources:
              requests:
                cpu: 100m
                memory: 128Mi
          - name: limits-only
            image: b:1
            resources:
              limits:
                cpu: 200m
                memory: 256Mi
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-level
      spec:
        resources:
          requests:
            cpu: "1"
          limits:
            memory: 1Gi
        containers:
          - name: app
            image: app:1
    `,
    expected: [],
  },
  {
    name: 'one finding per container, naming what is missing',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: none
                image: a:1
              - name: no-cpu
                image: b:1
                resources:
                  requests:
                    memory: 128Mi
              - name: no-memory
                image: c:1
                resources:
                  limits:
                    cpu: 100m
    `,
    expected: [
      {
        line: 9,
        column: 11,
        container: 'none',
        message: 'Container "none" has no cpu or memory request: the scheduler reserves nothing',
      },
      {
        line: 14,
        column: 13,
        container: 'no-cpu',
        message: 'Container "no-cpu" has no cpu request: the scheduler reserves no CPU',
      },
      {
        line: 18,
        column: 11,
        container: 'no-memory',
        message: 'Container "no-memory" has no memory request',
      },
    ],
  },
  {
    name: 'LimitRange defaults (defaultRequest, default, min) in the namespace count as requests',
    yaml: yaml`
      apiVersion: v1
      kind: LimitRange
      metadata:
        name: defaults
        namespace: shop
      spec:
        limits:
          - type: Container
            defaultRequest:
              cpu: 50m
            min:
              memory: 64Mi
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
        namespace: shop
      spec:
        containers:
          - name: app
            image: app:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
        namespace: other
      spec:
        containers:
          - name: app
            image: app:1
    `,
    expected: [{ line: 31, container: 'app', message: 'no cpu or memory request' }],
  },
  {
    name: 'checks sidecars but not run-once init or ephemeral containers; skips templated values',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: job
      spec:
        template:
          spec:
            restartPolicy: Never
            initContainers:
              - name: setup
                image: setup:1
              - name: proxy
                image: proxy:1
                restartPolicy: Always
            containers:
              - name: main
                image: main:1
                resources:
                  requests: \${requests}
    `,
    expected: [
      { line: 12, container: 'proxy', message: 'Init container "proxy" has no cpu or memory request' },
    ],
  },
];

describe('resource-requests-missing', () => {
  testRuleCases(rule, cases);
});
