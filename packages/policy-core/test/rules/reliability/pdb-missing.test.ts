import rule from '../../../src/rules/reliability/pdb-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when a PodDisruptionBudget selects the replicas, and for single replicas',
    yaml: yaml`
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: web
      spec:
        maxUnavailable: 1
        selector:
          matchLabels:
            app: web
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
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
        name: single
      spec:
        template:
          metadata:
            labels:
              app: single
          spec:
            containers:
              - name: single
                image: single:1
    `,
    expected: [],
  },
  {
    name: 'reports replicated workloads without a budget, also when an HPA can scale them up',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        replicas: 3
        template:
          metadata:
            labels:
              app: db
          spec:
            containers:
              - name: db
                image: db:1
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
        namespace: shop
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: Deployment
          name: web
        maxReplicas: 6
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
          spec:
            containers:
              - name: web
                image: web:1
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: other
        namespace: elsewhere
      spec:
        maxUnavailable: 1
        selector:
          matchLabels:
            app: web
    `,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'low',
        message: 'StatefulSet "db" runs 3 replicas but no PodDisruptionBudget of the scan selects its pods',
      },
      {
        line: 33,
        column: 1,
        message: 'Deployment "web" runs up to 6 replicas (HorizontalPodAutoscaler "web")',
      },
    ],
  },
  {
    name: 'a budget without a namespace covers a namespaced workload (it may be applied there)',
    yaml: yaml`
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: web
      spec:
        maxUnavailable: 1
        selector:
          matchLabels:
            app: web
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        replicas: 2
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: web:1
    `,
    expected: [],
  },
  {
    name: 'skips DaemonSets, owned ReplicaSets and templated labels',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        template:
          spec:
            containers:
              - name: agent
                image: agent:1
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-5d4f
        ownerReferences:
          - apiVersion: apps/v1
            kind: Deployment
            name: web
            uid: 1
            controller: true
      spec:
        replicas: 3
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
        name: templated
      spec:
        replicas: 3
        template:
          metadata:
            labels:
              app: \${name}
          spec:
            containers:
              - name: web
                image: web:1
    `,
    expected: [],
  },
];

describe('pdb-missing', () => {
  testRuleCases(rule, cases);
});
