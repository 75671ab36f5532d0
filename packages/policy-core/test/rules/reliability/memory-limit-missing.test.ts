import rule from '../../../src/rules/reliability/memory-limit-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** Pod-level `spec.resources` sets the memory limit; the container sets none. */
const POD_LEVEL_LIMIT = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: pod-level
  spec:
    resources:
      limits:
        memory: 512Mi
    containers:
      - name: app
        image: app:1
`;

const cases: RuleCase[] = [
  {
    name: 'passes when every container and sidecar has a memory limit; run-once init and ephemeral containers are not checked',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        initContainers:
          - name: migrate
            image: migrate:1
          - name: proxy
            image: envoy:1
            restartPolicy: Always
            resources:
              limits:
                memory: 64Mi
        containers:
          - name: app
            image: nginx:1
            resources:
              limits:
                memory: 256Mi
        ephemeralContainers:
          - name: debug
            image: busybox:1
    `,
    expected: [],
  },
  {
    name: 'reports a container without resources at its name, and one with other limits at its limits',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: app
                image: nginx:1
              - name: worker
                image: worker:1
                resources:
                  requests:
                    memory: 128Mi
                  limits:
                    cpu: 100m
    `,
    expected: [
      {
        line: 9,
        column: 11,
        container: 'app',
        message: 'Container "app" has no memory limit: it can use all',
      },
      { line: 16, column: 13, container: 'worker', severity: 'medium' },
    ],
  },
  {
    name: 'reports a sidecar init container, in a CronJob',
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
                restartPolicy: OnFailure
                initContainers:
                  - name: log-shipper
                    image: fluent-bit:1
                    restartPolicy: Always
                containers:
                  - name: report
                    image: report:1
                    resources:
                      limits:
                        memory: 1Gi
    `,
    expected: [
      { line: 13, container: 'log-shipper', message: 'Init container "log-shipper" has no memory limit' },
    ],
  },
  {
    name: 'pod-level resources cover the containers, unless the target version predates them',
    yaml: POD_LEVEL_LIMIT,
    expected: [],
  },
  {
    name: 'ignores pod-level resources for Kubernetes 1.33',
    settings: { kubernetesVersion: { major: 1, minor: 33 } },
    yaml: POD_LEVEL_LIMIT,
    expected: [{ line: 10, container: 'app' }],
  },
  {
    name: 'a LimitRange default or max in the same namespace gives a limit; other namespaces and Pod-type items do not',
    yaml: yaml`
      apiVersion: v1
      kind: LimitRange
      metadata:
        name: defaults
        namespace: shop
      spec:
        limits:
          - type: Container
            max:
              memory: 1Gi
          - type: Pod
            default:
              cpu: "1"
      ---
      apiVersion: v1
      kind: LimitRange
      metadata:
        name: pods-only
        namespace: billing
      spec:
        limits:
          - type: Pod
            max:
              memory: 2Gi
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: cart
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: cart
                image: cart:1
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: invoices
        namespace: billing
      spec:
        template:
          spec:
            containers:
              - name: invoices
                image: invoices:1
    `,
    expected: [{ line: 47, container: 'invoices' }],
  },
  {
    name: 'skips templated resources and limits',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: a
          spec:
            containers:
              - name: a
                image: a:1
                resources: \${resources}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: b
          spec:
            containers:
              - name: b
                image: b:1
                resources:
                  limits: "{{ limits }}"
              - name: c
                image: c:1
    `,
    expected: [{ line: 23, column: 11, container: 'c' }],
  },
];

describe('memory-limit-missing', () => {
  testRuleCases(rule, cases);
});
