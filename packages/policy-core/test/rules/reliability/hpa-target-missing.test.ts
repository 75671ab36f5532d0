import rule from '../../../src/rules/reliability/hpa-target-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when the target is in the scan, or when the scan has nothing of that kind in the namespace',
    yaml: yaml`
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
        maxReplicas: 5
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers: [{name: web, image: web}]
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: db
        namespace: shop
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: StatefulSet
          name: db
        maxReplicas: 5
    `,
    expected: [],
  },
  {
    name: 'reports a target missing among objects of its kind, at the name',
    yaml: yaml`
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
        namespace: shop
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: Deployment
          name: wbe
        maxReplicas: 5
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers: [{name: web, image: web}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: wbe
        namespace: staging
      spec:
        template:
          spec:
            containers: [{name: web, image: web}]
    `,
    expected: [
      {
        line: 10,
        column: 5,
        severity: 'medium',
        message:
          'HorizontalPodAutoscaler "web" scales Deployment "wbe", which the scan does not define although it defines other Deployment objects in namespace "shop"',
      },
    ],
  },
  {
    name: 'skips templated targets',
    yaml: yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
      spec:
        scaleTargetRef:
          kind: Deployment
          name: \${name}
        maxReplicas: 5
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers: [{name: web, image: web}]
    `,
    expected: [],
  },
  {
    name: 'a target without a namespace matches a namespaced autoscaler',
    yaml: yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: api
        namespace: shop
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        maxReplicas: 5
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers: [{name: api, image: api}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers: [{name: web, image: web}]
    `,
    expected: [],
  },
];

describe('hpa-target-missing', () => {
  testRuleCases(rule, cases);
});
