import rule from '../../../src/rules/reliability/service-selects-nothing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when the selector matches a pod template of any workload kind in the namespace',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          app: web
        ports:
          - port: 80
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: web
        namespace: shop
      spec:
        schedule: "* * * * *"
        jobTemplate:
          spec:
            template:
              metadata:
                labels:
                  app: web
                  extra: label
              spec:
                restartPolicy: Never
                containers:
                  - name: web
                    image: web:1
    `,
    expected: [],
  },
  {
    name: 'reports a selector that matches no pod template of the namespace, at the selector',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          app: wbe
          tier: frontend
        ports:
          - port: 80
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          metadata:
            labels:
              app: web
              tier: frontend
          spec:
            containers:
              - name: web
                image: web:1
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: other-namespace
        namespace: staging
      spec:
        template:
          metadata:
            labels:
              app: wbe
              tier: frontend
          spec:
            containers:
              - name: web
                image: web:1
    `,
    expected: [
      {
        line: 7,
        column: 3,
        severity: 'medium',
        message:
          'Service "web" selects app=wbe, tier=frontend, which matches the pods of no workload of the scan in namespace "shop": it has no endpoints',
      },
    ],
  },
  {
    name: 'objects without a namespace match each other; PodTemplate objects do not run pods',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      spec:
        selector:
          app: api
      ---
      apiVersion: v1
      kind: PodTemplate
      metadata:
        name: api
      template:
        metadata:
          labels:
            app: api
        spec:
          containers:
            - name: api
              image: api:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: other
        labels:
          app: other
      spec:
        containers:
          - name: other
            image: other:1
    `,
    expected: [{ line: 6, message: 'in the same (unnamed) namespace' }],
  },
  {
    name: 'skips namespaces without workloads, Services without selectors, ExternalName and templated labels',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: alone
        namespace: empty
      spec:
        selector:
          app: alone
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: manual
        namespace: shop
      spec:
        ports:
          - port: 5432
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: external
        namespace: shop
      spec:
        type: ExternalName
        externalName: db.example.com
        selector:
          app: nothing
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          app: web
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          metadata:
            labels:
              app: \${app}
          spec:
            containers:
              - name: web
                image: web:1
    `,
    expected: [],
  },
  {
    name: 'ignores labels controllers add to pods (a per-pod Service of a StatefulSet)',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: redis-0
      spec:
        selector:
          app: redis
          statefulset.kubernetes.io/pod-name: redis-0
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: redis-typo
      spec:
        selector:
          app: rdis
          statefulset.kubernetes.io/pod-name: redis-0
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: redis
      spec:
        template:
          metadata:
            labels:
              app: redis
          spec:
            containers:
              - name: redis
                image: redis:7
    `,
    expected: [
      {
        line: 15,
        message: 'Service "redis-typo" selects app=rdis, statefulset.kubernetes.io/pod-name=redis-0',
      },
    ],
  },
  {
    name: 'stays quiet when pods may come from outside the scan: operator custom resources, unknown label keys',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: prometheus
        namespace: monitoring
      spec:
        selector:
          app.kubernetes.io/name: prometheus
      ---
      apiVersion: monitoring.coreos.com/v1
      kind: Prometheus
      metadata:
        name: k8s
        namespace: monitoring
      spec:
        replicas: 2
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: grafana
        namespace: monitoring
      spec:
        template:
          metadata:
            labels:
              app.kubernetes.io/name: grafana
          spec:
            containers:
              - name: grafana
                image: grafana:11
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: webhook
        namespace: storage
      spec:
        selector:
          storage.example.com/webhook: "true"
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: manager
        namespace: storage
      spec:
        template:
          metadata:
            labels:
              app: manager
          spec:
            containers:
              - name: manager
                image: manager:1
    `,
    expected: [],
  },
];

describe('service-selects-nothing', () => {
  testRuleCases(rule, cases);
});
