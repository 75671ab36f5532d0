import { yaml } from '../harness.js';
import { testCoverageCases, type CoverageCase } from './coverage-cases.js';

const cases: CoverageCase[] = [
  {
    name: 'Calico NetworkPolicy with the same kind name is recognised by its API group; types default',
    yaml: yaml`
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: calico-egress, namespace: shop}
      spec:
        selector: app == 'web' && has(tier) && env in {'prod', 'stage'}
        egress:
          - action: Allow
            protocol: TCP
            destination:
              nets: [0.0.0.0/0]
              notNets: [169.254.0.0/16]
    `,
    namespace: 'shop',
    labels: { app: 'web', tier: 'front', env: 'prod' },
    ingress: [],
    egress: ['calico-egress'],
    imds: 'blocked',
    restricted: false,
  },
  {
    name: 'Calico selector that does not match',
    yaml: yaml`
      apiVersion: crd.projectcalico.org/v1
      kind: NetworkPolicy
      metadata: {name: calico, namespace: shop}
      spec:
        selector: app != 'web'
        types: [Ingress, Egress]
    `,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: [],
    egress: [],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'Calico GlobalNetworkPolicy Deny to the metadata address wins over a NetworkPolicy allow',
    yaml: yaml`
      apiVersion: projectcalico.org/v3
      kind: GlobalNetworkPolicy
      metadata: {name: deny-imds}
      spec:
        selector: all()
        order: 10
        types: [Egress]
        egress:
          - action: Deny
            destination: {nets: [169.254.169.254/32]}
          - action: Pass
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: open, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress: [{}]
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: ['open', 'deny-imds'],
    imds: 'blocked',
    restricted: false,
  },
  {
    name: 'Calico selectors beyond the && subset count as selecting (unknown)',
    yaml: yaml`
      apiVersion: projectcalico.org/v3
      kind: GlobalNetworkPolicy
      metadata: {name: complex}
      spec:
        selector: (app == 'a' || app == 'b')
        types: [Ingress]
    `,
    namespace: 'shop',
    labels: { app: 'c' },
    ingress: ['complex'],
    egress: [],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'Cilium endpointSelector with k8s: prefixes and the namespace label; L4-only egress rule',
    yaml: yaml`
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: web-egress}
      spec:
        endpointSelector:
          matchLabels:
            k8s:app: web
            k8s:io.kubernetes.pod.namespace: shop
        egress:
          - toPorts:
              - ports: [{port: "80", protocol: TCP}]
    `,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: [],
    egress: ['web-egress'],
    imds: 'allowed',
    restricted: false,
    others: { '10.0.0.1': 'allowed' },
  },
  {
    name: 'Cilium egressDeny to the metadata CIDR wins; toCIDRSet except; other namespace not selected',
    yaml: yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: cnp, namespace: shop}
      spec:
        endpointSelector: {}
        egress:
          - toCIDRSet: [{cidr: 0.0.0.0/0, except: [10.0.0.0/8]}]
        egressDeny:
          - toCIDR: [169.254.169.254/32]
    `,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: [],
    egress: ['cnp'],
    imds: 'blocked',
    restricted: false,
    others: { '10.0.0.1': 'blocked', '8.8.8.8': 'allowed' },
  },
  {
    name: 'Cilium: an empty egress rule selects nothing (default deny); world entity opens everything',
    yaml: yaml`
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: deny, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        egress: [{}]
      ---
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: world, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app: api}}
        egress: [{toEntities: [world]}]
    `,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: [],
    egress: ['deny'],
    imds: 'blocked',
    restricted: true,
  },
  {
    name: 'Cilium enableDefaultDeny: false selects without isolating',
    yaml: yaml`
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: dns-only}
      spec:
        endpointSelector: {}
        enableDefaultDeny: {egress: false, ingress: false}
        egress:
          - toEndpoints: [{matchLabels: {k8s-app: kube-dns}}]
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: ['dns-only'],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'AdminNetworkPolicy: first match by priority; Deny to the metadata network',
    yaml: yaml`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: deny-imds}
      spec:
        priority: 20
        subject: {namespaces: {}}
        egress:
          - name: deny-imds
            action: Deny
            to: [{networks: [169.254.169.254/32]}]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: allow-monitoring}
      spec:
        priority: 10
        subject:
          pods:
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
            podSelector: {}
        egress:
          - name: allow-imds
            action: Allow
            to: [{networks: [169.254.0.0/16]}]
            ports: [{portNumber: {protocol: TCP, port: 80}}]
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: ['deny-imds'],
    imds: 'blocked',
    restricted: false,
  },
  {
    name: 'AdminNetworkPolicy Allow at a higher priority wins for the pods it selects',
    yaml: yaml`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: deny-imds}
      spec:
        priority: 20
        subject: {namespaces: {}}
        egress:
          - {name: deny, action: Deny, to: [{networks: [169.254.169.254/32]}]}
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: allow-monitoring}
      spec:
        priority: 10
        subject:
          namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
        egress:
          - {name: allow, action: Allow, to: [{networks: [169.254.0.0/16]}], ports: [{portRange: {protocol: TCP, start: 1, end: 1024}}]}
    `,
    namespace: 'monitoring',
    labels: {},
    ingress: [],
    egress: ['deny-imds', 'allow-monitoring'],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'admin subject on a namespace label: read from the Namespace object; unknown without it',
    yaml: yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {team: a}}
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: BaselineAdminNetworkPolicy
      metadata: {name: default}
      spec:
        subject: {namespaces: {matchLabels: {team: b}}}
        ingress:
          - {name: deny, action: Deny, from: [{namespaces: {}}]}
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: [],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'BaselineAdminNetworkPolicy deny applies when no policy isolates the pod',
    yaml: yaml`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: BaselineAdminNetworkPolicy
      metadata: {name: default}
      spec:
        subject: {namespaces: {matchLabels: {team: b}}}
        egress:
          - {name: deny-imds, action: Deny, to: [{networks: [169.254.0.0/16]}]}
    `,
    namespace: 'unknown-ns',
    labels: {},
    ingress: [],
    egress: ['default'],
    imds: 'blocked',
    restricted: false,
  },
];

describe('network policy coverage: Cilium, Calico and admin network policies', () => {
  testCoverageCases(cases);
});
