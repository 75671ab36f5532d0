import rule from '../../../src/rules/reliability/pdb-blocks-eviction.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

function deployment(name: string, replicas: string): string {
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ${name}
    spec:
      ${replicas}
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: web:1
  `;
}

const cases: RuleCase[] = [
  {
    name: 'passes when the budget leaves room for an eviction',
    yaml:
      yaml`
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 2
          selector:
            matchLabels:
              app: web
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: pct
        spec:
          minAvailable: "50%"
          selector:
            matchLabels:
              app: web
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: max
        spec:
          maxUnavailable: "10%"
          selector:
            matchLabels:
              app: web
        ---
      ` + deployment('web', 'replicas: 3'),
    expected: [],
  },
  {
    name: 'reports maxUnavailable 0 / "0%" and minAvailable "100%" without looking at workloads',
    yaml: yaml`
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: zero
      spec:
        maxUnavailable: 0
        selector:
          matchLabels:
            app: web
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: zero-pct
      spec:
        maxUnavailable: "0%"
        selector:
          matchLabels:
            app: web
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: all
      spec:
        minAvailable: 100%
        selector:
          matchLabels:
            app: web
    `,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'medium',
        message:
          'PodDisruptionBudget "zero" sets maxUnavailable: 0: no voluntary eviction is ever allowed, so kubectl drain',
      },
      { line: 16, message: 'PodDisruptionBudget "zero-pct" sets maxUnavailable: "0%"' },
      { line: 26, message: 'PodDisruptionBudget "all" sets minAvailable: "100%"' },
    ],
  },
  {
    name: 'reports minAvailable at least the replicas of the selected workload (unset replicas is 1)',
    yaml:
      yaml`
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: web
        ---
      ` + deployment('web', 'strategy: {}'),
    expected: [
      {
        line: 6,
        message:
          'PodDisruptionBudget "web" sets minAvailable: 1, but the pods it selects (Deployment "web") number 1',
      },
    ],
  },
  {
    name: 'sums the selected workloads, rounds percentages up, and uses an HPA minimum',
    yaml:
      yaml`
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: pct
        spec:
          minAvailable: "90%"
          selector: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: single
          labels:
            app: other
        spec:
          containers:
            - name: single
              image: single:1
        ---
      ` +
      deployment('web', 'replicas: 5') +
      '---\n' +
      yaml`
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: hpa
          namespace: shop
        spec:
          minAvailable: 2
          selector:
            matchLabels:
              app: api
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: api
          namespace: shop
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: api
          minReplicas: 2
          maxReplicas: 10
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: api:1
      `,
    expected: [
      {
        line: 6,
        message:
          'sets minAvailable: "90%", but the pods it selects (Pod "single", Deployment "web") number 6:',
      },
      {
        line: 44,
        message:
          'sets minAvailable: 2, but the pods it selects (Deployment "api") number 2 at the minReplicas of their HorizontalPodAutoscaler',
      },
    ],
  },
  {
    name: 'an empty selector selects nothing in policy/v1beta1; unknown counts (DaemonSets, templated replicas) are not compared',
    yaml:
      yaml`
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata:
          name: legacy
        spec:
          minAvailable: 1
          selector: {}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: daemons
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: web
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: agent
                  image: agent:1
        ---
      ` + deployment('web', 'replicas: ${replicas}'),
    expected: [],
  },
];

describe('pdb-blocks-eviction', () => {
  testRuleCases(rule, cases);
});
