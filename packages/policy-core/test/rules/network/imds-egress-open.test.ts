import rule from '../../../src/rules/network/imds-egress-open.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const OPEN = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: internet, namespace: shop}
  spec:
    podSelector: {}
    policyTypes: [Egress]
    egress:
      - to:
          - ipBlock:
              cidr: 0.0.0.0/0
          - ipBlock:
              cidr: "::/0"
`;

const cases: RuleCase[] = [
  {
    name: 'passes when the metadata addresses are excepted as /32 and /128',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}
              - ipBlock: {cidr: "::/0", except: ["fd00:ec2::254/128"]}
          - to:
              - ipBlock: {cidr: 169.254.169.254/32}
              - ipBlock: {cidr: 10.0.0.0/8}
    `,
    expected: [],
  },
  {
    name: 'reports 0.0.0.0/0 and ::/0 without exceptions (IPv6 too when the cloud is unknown)',
    yaml: OPEN,
    expected: [
      {
        line: 10,
        column: 13,
        message:
          'NetworkPolicy "internet" allows egress to 0.0.0.0/0 without excepting 169.254.169.254, so the pods it selects can reach the cloud instance metadata service (IMDS)',
        severity: 'medium',
      },
      { line: 12, column: 13, message: 'allows egress to ::/0 without excepting fd00:ec2::254' },
    ],
  },
  {
    name: 'names the cloud service; the IPv6 endpoint only matters on AWS',
    yaml: OPEN,
    settings: { cloud: 'gcp' },
    expected: [{ line: 10, message: 'can reach the Compute Engine metadata server' }],
  },
  {
    name: 'on AWS both endpoints are reported',
    yaml: OPEN,
    settings: { cloud: 'aws' },
    expected: [
      { line: 10, message: 'the EC2 instance metadata service (IMDS)' },
      { line: 12, message: 'fd00:ec2::254' },
    ],
  },
  {
    name: 'any block containing the address counts; ports decide (TCP 80), named ports never match an address',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: link-local}
      spec:
        podSelector: {}
        egress:
          - to: [{ipBlock: {cidr: 169.254.0.0/16}}]
            ports: [{port: 53, protocol: UDP}, {port: 80}]
          - to: [{ipBlock: {cidr: 128.0.0.0/1}}]
            ports: [{port: 443}, {port: http}]
          - to: [{ipBlock: {cidr: 169.254.169.0/24}}]
            ports: [{port: 1, endPort: 1024, protocol: TCP}]
          - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
    `,
    settings: { cloud: 'azure' },
    expected: [
      { line: 7, column: 23, message: 'allows egress to 169.254.0.0/16 without excepting 169.254.169.254' },
      { line: 11, column: 23, message: '169.254.169.0/24' },
    ],
  },
  {
    name: 'informational: a wholesale 169.254.0.0/16 exception also cuts NodeLocal DNSCache and EKS Pod Identity',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet}
      spec:
        podSelector: {}
        egress:
          - to:
              - ipBlock:
                  cidr: 0.0.0.0/0
                  except:
                    - 10.0.0.0/8
                    - 169.254.0.0/16
              - ipBlock:
                  cidr: "::/0"
                  except: ["fd00:ec2::/64"]
    `,
    settings: { cloud: 'aws' },
    expected: [
      {
        line: 12,
        column: 17,
        severity: 'info',
        message:
          'excepts all of 169.254.0.0/16, which also blocks NodeLocal DNSCache (169.254.20.10) and the EKS Pod Identity agent (169.254.170.23); except only the metadata address (169.254.169.254/32)',
      },
      {
        line: 15,
        severity: 'info',
        message:
          'the EKS Pod Identity agent (fd00:ec2::23); except only the metadata address (fd00:ec2::254/128)',
      },
    ],
  },
  {
    name: 'informational on Azure: only NodeLocal DNSCache is mentioned',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet}
      spec:
        podSelector: {}
        egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.0.0/16]}}]
    `,
    settings: { cloud: 'azure' },
    expected: [
      {
        line: 7,
        severity: 'info',
        message: 'which also blocks NodeLocal DNSCache (169.254.20.10); except only',
      },
    ],
  },
  {
    name: 'quiet when a cluster-wide Cilium or admin deny blocks the address for every pod',
    yaml:
      OPEN +
      yaml`
      ---
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: deny-imds}
      spec:
        endpointSelector: {}
        egressDeny:
          - toCIDR: [169.254.169.254/32]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: deny-imds-v6}
      spec:
        priority: 1
        subject: {namespaces: {}}
        egress:
          - {name: deny, action: Deny, to: [{networks: ["fd00:ec2::254/128"]}]}
    `,
    expected: [],
  },
  {
    name: 'a deny that does not select every pod, or that sits in another namespace, does not count',
    yaml:
      OPEN +
      yaml`
      ---
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: deny-imds-web}
      spec:
        endpointSelector: {matchLabels: {app: web}}
        egressDeny:
          - toCIDR: [169.254.169.254/32]
      ---
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: deny-imds, namespace: billing}
      spec:
        selector: all()
        types: [Egress]
        egress:
          - action: Deny
            destination: {nets: [169.254.169.254/32, "fd00:ec2::254/128"]}
    `,
    settings: { cloud: 'aws' },
    expected: [
      { line: 10, message: '169.254.169.254' },
      { line: 12, message: 'fd00:ec2::254' },
    ],
  },
  {
    name: 'a Calico deny in the same namespace for all pods counts',
    yaml:
      OPEN +
      yaml`
      ---
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: deny-imds, namespace: shop}
      spec:
        types: [Egress]
        egress:
          - action: Deny
            destination: {nets: [169.254.169.254/32, "fd00:ec2::254/128"]}
    `,
    expected: [],
  },
  {
    name: 'ignores egress rules of policies without Egress, templated CIDRs and Calico policies',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: ingress-only}
      spec:
        podSelector: {}
        policyTypes: [Ingress]
        egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: tpl}
      spec:
        podSelector: {}
        egress: [{to: [{ipBlock: {cidr: "\${EGRESS_CIDR}"}}]}]
      ---
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: calico}
      spec:
        egress: [{action: Allow, destination: {nets: [0.0.0.0/0]}}]
    `,
    expected: [],
  },
];

describe('imds-egress-open', () => {
  testRuleCases(rule, cases);
});
