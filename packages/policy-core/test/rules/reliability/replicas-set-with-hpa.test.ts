import rule from '../../../src/rules/reliability/replicas-set-with-hpa.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const HPA = yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
    minReplicas: 2
    maxReplicas: 10
`;

const cases: RuleCase[] = [
  {
    name: 'passes when the autoscaled workload leaves replicas out, and for workloads without an HPA',
    yaml:
      HPA +
      '---\n' +
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers: [{name: web, image: web}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: fixed
        spec:
          replicas: 3
          template:
            spec:
              containers: [{name: web, image: web}]
      `,
    expected: [],
  },
  {
    name: 'reports replicas set on a workload an HPA scales, at the value',
    yaml:
      HPA +
      '---\n' +
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          template:
            spec:
              containers: [{name: web, image: web}]
      `,
    expected: [
      {
        line: 18,
        column: 3,
        severity: 'low',
        message:
          'Deployment "web" sets replicas: 3 while HorizontalPodAutoscaler "web" scales it: every apply or sync resets',
      },
    ],
  },
  {
    name: 'an HPA targeting another kind or namespace does not count',
    yaml:
      HPA +
      '---\n' +
      yaml`
        apiVersion: apps/v1
        kind: StatefulSet
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
          name: web
          namespace: other
        spec:
          replicas: 3
          template:
            spec:
              containers: [{name: web, image: web}]
      `,
    expected: [],
  },
];

describe('replicas-set-with-hpa', () => {
  testRuleCases(rule, cases);
});
