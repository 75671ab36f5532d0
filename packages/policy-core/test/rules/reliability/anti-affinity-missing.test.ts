import rule from '../../../src/rules/reliability/anti-affinity-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with preferred or required anti-affinity, with topology spread, and for single replicas',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: preferred
      spec:
        replicas: 3
        template:
          spec:
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      topologyKey: kubernetes.io/hostname
                      labelSelector:
                        matchLabels:
                          app: preferred
            containers: [{name: a, image: a}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: spread
      spec:
        replicas: 3
        template:
          spec:
            topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: DoNotSchedule
                labelSelector:
                  matchLabels:
                    app: spread
            containers: [{name: a, image: a}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: single
      spec:
        template:
          spec:
            containers: [{name: a, image: a}]
    `,
    expected: [],
  },
  {
    name: 'reports replicated workloads without spreading, at the pod spec (or affinity when present)',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        template:
          spec:
            containers: [{name: web, image: web}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: affine
      spec:
        replicas: 2
        template:
          spec:
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions: [{key: pool, operator: In, values: [web]}]
            containers: [{name: web, image: web}]
    `,
    expected: [
      {
        line: 8,
        column: 5,
        severity: 'low',
        message:
          'Deployment "web" runs 3 replicas with neither podAntiAffinity nor topologySpreadConstraints',
      },
      { line: 19, column: 7, message: 'Deployment "affine" runs 2 replicas' },
    ],
  },
  {
    name: 'uses the maximum of an HPA; skips templated affinity and DaemonSets',
    yaml: yaml`
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: api
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        maxReplicas: 4
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
        name: templated
      spec:
        replicas: 3
        template:
          spec:
            affinity: \${affinity}
            containers: [{name: t, image: t}]
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
    expected: [
      { line: 15, message: 'Deployment "api" runs up to 4 replicas (HorizontalPodAutoscaler "api")' },
    ],
  },
];

describe('anti-affinity-missing', () => {
  testRuleCases(rule, cases);
});
