import { egressToAddress, policiesSelectingPod } from '../../../src/rules/network/coverage.js';
import { yaml } from '../harness.js';
import { indexOf, testCoverageCases, type CoverageCase } from './coverage-cases.js';

const DENY_ALL = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: deny-all, namespace: shop}
  spec:
    podSelector: {}
    policyTypes: [Ingress, Egress]
`;

const cases: CoverageCase[] = [
  {
    name: 'no policy: not isolated, everything reachable',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop}\n',
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: [],
    egress: [],
    imds: 'allowed',
    anyPort: true,
    restricted: false,
  },
  {
    name: 'default deny in the namespace isolates both directions',
    yaml: DENY_ALL,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: ['deny-all'],
    egress: ['deny-all'],
    imds: 'blocked',
    anyPort: false,
    restricted: true,
  },
  {
    name: 'a policy of another namespace does not select the pod',
    yaml: DENY_ALL,
    namespace: 'other',
    labels: { app: 'web' },
    ingress: [],
    egress: [],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'objects without a namespace match each other, not namespaced ones',
    yaml: DENY_ALL.replace(', namespace: shop', ''),
    labels: {},
    ingress: ['deny-all'],
    egress: ['deny-all'],
    imds: 'blocked',
    restricted: true,
  },
  {
    name: 'policyTypes default: Ingress only without egress rules; Egress added by egress rules',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: ingress-only, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        egress: []
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: dns, namespace: shop}
      spec:
        podSelector: {}
        egress:
          - ports: [{port: 53, protocol: UDP}]
    `,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: ['ingress-only', 'dns'],
    egress: ['dns'],
    imds: 'blocked',
    anyPort: true,
    restricted: true,
  },
  {
    name: 'matchLabels and matchExpressions are ANDed',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: np, namespace: shop}
      spec:
        podSelector:
          matchLabels: {app: web}
          matchExpressions:
            - {key: tier, operator: NotIn, values: [db]}
        policyTypes: [Egress]
    `,
    namespace: 'shop',
    labels: { app: 'web', tier: 'db' },
    ingress: [],
    egress: [],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'union of rules: 0.0.0.0/0 without except in one policy opens IMDS whatever the others say',
    yaml:
      DENY_ALL +
      yaml`
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Egress]
        egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
    `,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: ['deny-all'],
    egress: ['deny-all', 'internet'],
    imds: 'allowed',
    restricted: false,
    others: { '10.1.2.3': 'blocked', 'fd00:ec2::254': 'blocked' },
  },
  {
    name: 'an except covering the metadata address blocks it; the internet stays open',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}
              - ipBlock: {cidr: "::/0", except: ["fd00:ec2::254/128"]}
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: ['internet'],
    imds: 'blocked',
    anyPort: false,
    restricted: false,
    others: { 'fd00:ec2::254': 'blocked', '8.8.8.8': 'allowed', '2001:db8::1': 'allowed' },
  },
  {
    name: 'ports restrict: HTTPS to anywhere does not reach IMDS on port 80, but counts on "any port"',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: https, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
            ports: [{port: 443}, {port: 8000, endPort: 8090, protocol: TCP}, {port: http}]
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: ['https'],
    imds: 'blocked',
    anyPort: true,
    restricted: false,
  },
  {
    name: 'a rule without "to" allows every destination; pod selector peers never match an address',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: mixed, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to: [{podSelector: {}}, {namespaceSelector: {}}]
          - ports: [{port: 80}]
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: ['mixed'],
    imds: 'allowed',
    restricted: false,
  },
  {
    name: 'templated CIDRs make the answer unknown (and the pod not restricted for sure)',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: tpl, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to: [{ipBlock: {cidr: "\${EGRESS_CIDR}"}}]
    `,
    namespace: 'shop',
    labels: {},
    ingress: [],
    egress: ['tpl'],
    imds: 'unknown',
    anyPort: false,
    restricted: true,
  },
  {
    name: 'a templated selector value counts as selecting',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: tpl, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: "\${APP}"}}
        policyTypes: [Ingress]
    `,
    namespace: 'shop',
    labels: { app: 'web' },
    ingress: ['tpl'],
    egress: [],
    imds: 'allowed',
    restricted: false,
  },
];

describe('network policy coverage: Kubernetes NetworkPolicy semantics', () => {
  testCoverageCases(cases);

  it('names the policies that allow the traffic', () => {
    const index = indexOf(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: a}
      spec:
        podSelector: {}
        egress: [{to: [{ipBlock: {cidr: 169.254.0.0/16}}]}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: b}
      spec:
        podSelector: {}
        egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
    `);
    const { egress } = policiesSelectingPod(index, undefined, {});
    const result = egressToAddress(egress, '169.254.169.254');
    expect(result.verdict).toBe('allowed');
    expect(result.allowedBy.map((p) => p.name)).toEqual(['a']);
    expect(egressToAddress(egress, 'not-an-ip').verdict).toBe('unknown');
  });
});
