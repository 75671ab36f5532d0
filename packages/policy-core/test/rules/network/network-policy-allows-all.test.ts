import rule from '../../../src/rules/network/network-policy-allows-all.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for scoped rules, port-limited open rules and default-deny policies',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Ingress, Egress]
        ingress:
          - from: [{podSelector: {matchLabels: {app: frontend}}}]
          - ports: [{port: 443}]
          - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
            ports: [{port: 443}]
        egress:
          - ports: [{port: 53, protocol: UDP}]
          - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Ingress, Egress]
        ingress: []
        egress: []
    `,
    expected: [],
  },
  {
    name: 'reports ingress: [{}] and egress: [{}] at the rule',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: allow-all, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Ingress, Egress]
        ingress:
          - {}
        egress:
          - from: []
            to: []
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message:
          'NetworkPolicy "allow-all" ingress rule #1 has no "from" and no "ports": it allows every source',
      },
      { line: 10, column: 7, message: 'egress rule #1 has no "to" and no "ports"' },
    ],
  },
  {
    name: 'reports an ingress ipBlock of the whole IPv4 or IPv6 space without ports, at the cidr',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - from:
              - podSelector: {}
              - ipBlock:
                  cidr: 0.0.0.0/0
                  except: [10.0.0.0/8]
              - ipBlock: {cidr: "::/0"}
              - ipBlock: {cidr: 0.0.0.0/1}
    `,
    expected: [
      { line: 10, column: 13, message: 'ingress rule #1 allows 0.0.0.0/0 on every port' },
      { line: 12, column: 21, message: 'allows ::/0 on every port' },
    ],
  },
  {
    name: 'egress rules of a policy that does not govern egress are ignored; ingress rules of an egress-only policy too',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: ingress-only, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Ingress]
        ingress: [{from: [{podSelector: {}}]}]
        egress: [{}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: egress-only, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        ingress: [{}]
        egress: [{to: [{podSelector: {}}]}]
    `,
    expected: [],
  },
  {
    name: 'policyTypes defaulted from the egress rules: both directions are governed',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: defaulted}
      spec:
        podSelector: {}
        ingress: [{}]
        egress:
          - to: [{podSelector: {}}]
          - {}
    `,
    expected: [
      { line: 6, column: 13, message: 'ingress rule #1' },
      { line: 9, column: 7, message: 'egress rule #2' },
    ],
  },
  {
    name: "ignores templated CIDRs and other engines' NetworkPolicy kind",
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: tpl}
      spec:
        podSelector: {}
        ingress:
          - from: [{ipBlock: {cidr: "\${SOURCE_CIDR}"}}]
      ---
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata: {name: calico}
      spec:
        selector: all()
        ingress: [{}]
        egress: [{}]
    `,
    expected: [],
  },
];

describe('network-policy-allows-all', () => {
  testRuleCases(rule, cases);
});
