import rule from '../../../src/rules/reliability/single-replica.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with two replicas, zero replicas (scaled down), an HPA, and for DaemonSets',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: two
      spec:
        replicas: 2
        template:
          spec:
            containers: [{name: a, image: a}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: parked
      spec:
        replicas: 0
        template:
          spec:
            containers: [{name: a, image: a}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: scaled
      spec:
        template:
          spec:
            containers: [{name: a, image: a}]
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: scaled
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scaled}
        minReplicas: 1
        maxReplicas: 5
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        template:
          spec:
            containers: [{name: a, image: a}]
    `,
    expected: [],
  },
  {
    name: 'reports replicas: 1 at the value and unset replicas at spec',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        replicas: 1
        template:
          spec:
            containers: [{name: db, image: db}]
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: web
      spec:
        template:
          spec:
            containers: [{name: web, image: web}]
    `,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'low',
        message: 'StatefulSet "db" runs a single replica (replicas: 1): every node drain',
      },
      { line: 15, column: 1, message: 'Rollout "web" runs a single replica (spec.replicas unset, so 1)' },
    ],
  },
  {
    name: 'an HPA in another namespace does not count; owned and templated objects are skipped',
    yaml: yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
        namespace: staging
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        maxReplicas: 5
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: prod
      spec:
        replicas: 1
        template:
          spec:
            containers: [{name: web, image: web}]
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-abc
        namespace: prod
        ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: x, controller: true}]
      spec:
        replicas: 1
        template:
          spec:
            containers: [{name: web, image: web}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: templated
        namespace: prod
      spec:
        replicas: \${replicas}
        template:
          spec:
            containers: [{name: web, image: web}]
    `,
    expected: [{ line: 16, message: 'Deployment "web" runs a single replica' }],
  },
  {
    name: 'an HPA without a namespace excuses a namespaced workload',
    yaml: yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        maxReplicas: 5
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: prod
      spec:
        template:
          spec:
            containers: [{name: web, image: web}]
    `,
    expected: [],
  },
];

describe('single-replica', () => {
  testRuleCases(rule, cases);
});
