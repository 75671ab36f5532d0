import rule from '../../../src/rules/reliability/hpa-min-replicas.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with minReplicas of 2 or more, 0 (scale to zero) or a templated value',
    yaml: yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: two
      spec:
        scaleTargetRef: {kind: Deployment, name: two}
        minReplicas: 2
        maxReplicas: 5
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: zero
      spec:
        scaleTargetRef: {kind: Deployment, name: zero}
        minReplicas: 0
        maxReplicas: 5
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: templated
      spec:
        scaleTargetRef: {kind: Deployment, name: templated}
        minReplicas: \${min}
        maxReplicas: 5
    `,
    expected: [],
  },
  {
    name: 'reports minReplicas 1 at the value and unset minReplicas at spec',
    yaml: yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: one
      spec:
        scaleTargetRef: {kind: Deployment, name: one}
        minReplicas: 1
        maxReplicas: 5
      ---
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: unset
      spec:
        scaleTargetRef: {kind: Deployment, name: unset}
        maxReplicas: 5
    `,
    expected: [
      {
        line: 7,
        column: 3,
        severity: 'low',
        message: 'HorizontalPodAutoscaler "one" can scale its target down to one replica (minReplicas: 1)',
      },
      { line: 14, column: 1, message: '(minReplicas unset, so 1)' },
    ],
  },
];

describe('hpa-min-replicas', () => {
  testRuleCases(rule, cases);
});
