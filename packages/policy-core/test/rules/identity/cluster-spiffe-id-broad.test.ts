import rule from '../../../src/rules/identity/cluster-spiffe-id-broad.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for the canonical, scoped ClusterSPIFFEID',
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: backend
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        namespaceSelector:
          matchLabels:
            backend: "true"
        federatesWith: []
        ttl: 1h
        jwtTtl: 5m
    `,
    expected: [],
  },
  {
    name: 'reports a ClusterSPIFFEID without selectors (empty selectors count as none) at spec',
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: everything
      spec:
        spiffeIDTemplate: "spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        podSelector: {}
    `,
    expected: [
      {
        line: 5,
        column: 1,
        severity: 'high',
        message: 'The ClusterSPIFFEID has no podSelector and no namespaceSelector',
      },
    ],
  },
  {
    name: 'reports a template without namespace and ServiceAccount',
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: shared
      spec:
        spiffeIDTemplate: "spiffe://example.org/workload"
        namespaceSelector:
          matchLabels:
            team: payments
    `,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'high',
        message:
          'spiffeIDTemplate "spiffe://example.org/workload" does not include .PodMeta.Namespace or .PodSpec.ServiceAccountName: different workloads in different namespaces receive the same SPIFFE ID.',
      },
    ],
  },
  {
    name: 'a single pinned namespace excuses the namespace, a podSelector excuses the ServiceAccount',
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: per-app
      spec:
        spiffeIDTemplate: "spiffe://example.org/payments/api"
        namespaceSelector:
          matchExpressions:
            - key: kubernetes.io/metadata.name
              operator: In
              values: [payments]
        podSelector:
          matchLabels:
            app: payments-api
      ---
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: per-namespace-app
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/api"
        namespaceSelector:
          matchLabels:
            tier: backend
        podSelector:
          matchLabels:
            app: api
      ---
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: sa-only
      spec:
        spiffeIDTemplate: "spiffe://example.org/sa/{{ .PodSpec.ServiceAccountName }}"
        namespaceSelector:
          matchLabels:
            tier: backend
    `,
    expected: [
      {
        line: 34,
        message: 'does not include .PodMeta.Namespace: different workloads in different namespaces',
      },
    ],
  },
  {
    name: 'reports admin and downstream unless the namespaceSelector names only SPIRE namespaces',
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: spire-admin
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        namespaceSelector:
          matchLabels:
            kubernetes.io/metadata.name: spire-server
        admin: true
      ---
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: tenant-admin
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        namespaceSelector:
          matchExpressions:
            - key: kubernetes.io/metadata.name
              operator: In
              values: [spire-system, tenant-a]
        admin: true
        downstream: true
    `,
    expected: [
      {
        line: 23,
        column: 3,
        severity: 'high',
        message:
          'The ClusterSPIFFEID sets admin: true but its namespaceSelector does not name only SPIRE namespaces: every selected pod can call the SPIRE server administrative APIs',
      },
      { line: 24, column: 3, severity: 'high', message: 'sets downstream: true' },
    ],
  },
  {
    name: 'configured platform namespaces count as SPIRE namespaces for admin entries',
    settings: { systemNamespaces: ['identity-platform'] },
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: platform-admin
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        namespaceSelector:
          matchLabels:
            kubernetes.io/metadata.name: identity-platform
        admin: true
    `,
    expected: [],
  },
  {
    name: 'reports federatesWith without a podSelector',
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: federated
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        namespaceSelector:
          matchLabels:
            team: banking
        federatesWith: ["auditing.example"]
    `,
    expected: [
      {
        line: 10,
        column: 3,
        severity: 'high',
        message: 'The ClusterSPIFFEID federates with ["auditing.example"] without a podSelector',
      },
    ],
  },
  {
    name: 'reports long lifetimes (low); unparseable durations are not judged',
    yaml: yaml`
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: long
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        podSelector:
          matchLabels:
            app: batch
        ttl: 24h0m1s
        jwtTtl: 1.5h
      ---
      apiVersion: spire.spiffe.io/v1alpha1
      kind: ClusterSPIFFEID
      metadata:
        name: odd
      spec:
        spiffeIDTemplate: "spiffe://example.org/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"
        podSelector:
          matchLabels:
            app: batch
        ttl: 7d
        jwtTtl: 3600
    `,
    expected: [
      {
        line: 10,
        column: 3,
        severity: 'low',
        message: 'ttl "24h0m1s" lets X.509-SVIDs live longer than 24h',
      },
      { line: 11, column: 3, severity: 'low', message: 'jwtTtl "1.5h" lets JWT-SVIDs live longer than 1h' },
    ],
  },
  {
    name: 'ignores other API groups',
    yaml: yaml`
      apiVersion: example.com/v1
      kind: ClusterSPIFFEID
      metadata:
        name: other
      spec:
        spiffeIDTemplate: "x"
    `,
    expected: [],
  },
];

describe('cluster-spiffe-id-broad', () => {
  testRuleCases(rule, cases);
});
