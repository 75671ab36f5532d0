import rule from '../../../src/rules/network/network-policy-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web, tier: front}
      spec:
        containers:
          - name: web
            image: nginx
`;

function withPolicy(policy: string): string {
  return DEPLOYMENT + '---\n' + policy;
}

const cases: RuleCase[] = [
  {
    name: 'passes when a default-deny policy of the namespace selects the pods in both directions',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Ingress, Egress]
    `),
    expected: [],
  },
  {
    name: 'reports both gaps on the pod template metadata when no policy exists',
    yaml: DEPLOYMENT,
    expected: [
      {
        line: 10,
        column: 5,
        message: 'The pods of Deployment "web" are selected by no ingress network policy',
        severity: 'medium',
      },
      { line: 10, column: 5, message: 'selected by no egress network policy, so they can connect anywhere' },
    ],
  },
  {
    name: 'reports only egress when the policies are ingress-only (policyTypes defaulted without egress rules)',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web-ingress, namespace: shop}
      spec:
        podSelector:
          matchLabels: {app: web}
        ingress:
          - from: [{podSelector: {}}]
    `),
    expected: [{ line: 10, message: 'no egress network policy' }],
  },
  {
    name: 'a policy of another namespace or with other labels does not count',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: other-ns, namespace: billing}
      spec:
        podSelector: {}
        policyTypes: [Ingress, Egress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: other-app, namespace: shop}
      spec:
        podSelector:
          matchExpressions: [{key: tier, operator: In, values: [db]}]
        policyTypes: [Ingress, Egress]
    `),
    expected: [
      { line: 10, message: 'ingress' },
      { line: 10, message: 'egress' },
    ],
  },
  {
    name: 'Calico NetworkPolicy is not mistaken for the Kubernetes kind, and counts as coverage',
    yaml: withPolicy(yaml`
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: calico, namespace: shop}
      spec:
        selector: app == 'web'
        types: [Ingress, Egress]
    `),
    expected: [],
  },
  {
    name: 'a Calico policy whose selector does not match gives no coverage (it has no podSelector)',
    yaml: withPolicy(yaml`
      apiVersion: crd.projectcalico.org/v1
      kind: NetworkPolicy
      metadata: {name: calico-db, namespace: shop}
      spec:
        selector: app == 'db' && !has(tier)
        types: [Ingress, Egress]
    `),
    expected: [
      { line: 10, message: 'ingress' },
      { line: 10, message: 'egress' },
    ],
  },
  {
    name: 'Cilium and admin network policies count as coverage',
    yaml: withPolicy(yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: cilium, namespace: shop}
      spec:
        endpointSelector:
          matchLabels: {"k8s:app": web}
        ingress: [{fromEndpoints: [{}]}]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: admin}
      spec:
        priority: 5
        subject:
          namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}
        egress:
          - {name: deny-imds, action: Deny, to: [{networks: [169.254.169.254/32]}]}
    `),
    expected: [],
  },
  {
    name: 'a policy whose selector is templated counts as selecting',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: tpl, namespace: shop}
      spec:
        podSelector:
          matchLabels: {app: "\${APP_NAME}"}
        policyTypes: [Ingress, Egress]
    `),
    expected: [],
  },
  {
    name: 'Pods without namespace match policies without namespace; the finding is on the metadata',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
      spec:
        containers:
          - name: debug
            image: busybox
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: egress-only}
      spec:
        podSelector: {}
        policyTypes: [Egress]
    `,
    expected: [
      { line: 3, column: 1, message: 'The pods of Pod "debug" are selected by no ingress network policy' },
    ],
  },
  {
    name: 'hostNetwork pods and PodTemplates are not reported',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: monitoring}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            hostNetwork: true
            containers: [{name: agent, image: agent}]
      ---
      apiVersion: v1
      kind: PodTemplate
      metadata: {name: tpl, namespace: monitoring}
      template:
        metadata: {labels: {app: x}}
        spec:
          containers: [{name: x, image: x}]
    `,
    expected: [],
  },
  {
    name: 'findings in system namespaces are informational',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: coredns, namespace: platform}
      spec:
        selector: {matchLabels: {k8s-app: kube-dns}}
        template:
          metadata: {labels: {k8s-app: kube-dns}}
          spec:
            containers: [{name: coredns, image: coredns}]
    `,
    settings: { systemNamespaces: ['platform'] },
    expected: [
      { line: 7, column: 5, message: 'ingress', severity: 'info' },
      { line: 7, column: 5, message: 'egress', severity: 'info' },
    ],
  },
  {
    name: 'checks CronJob templates (findings point at the nested template metadata, or its parent when absent)',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, namespace: shop}
      spec:
        schedule: "0 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: report, image: report}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web-only, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Ingress, Egress]
    `,
    expected: [
      { line: 8, column: 7, message: 'CronJob "report"' },
      { line: 8, column: 7, message: 'egress' },
    ],
  },
  {
    name: 'checks the items of a List',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: ingress, namespace: shop}
          spec: {podSelector: {}}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: web
            namespace: shop
          spec:
            containers: [{name: web, image: nginx}]
    `,
    expected: [{ line: 10, column: 5, message: 'egress' }],
  },
];

describe('network-policy-missing', () => {
  testRuleCases(rule, cases);
});
