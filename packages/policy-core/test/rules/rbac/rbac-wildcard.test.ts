import rule from '../../../src/rules/rbac/rbac-wildcard.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for explicit rules, subresource wildcards and "pods/*" (which is not a wildcard)',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: scaler
      rules:
        - apiGroups: ["apps"]
          resources: ["deployments", "*/scale"]
          verbs: ["get", "patch"]
        - apiGroups: [""]
          resources: ["pods/*"]
          verbs: ["\${verb}"]
        - nonResourceURLs: ["/healthz", "/metrics"]
          verbs: ["get"]
    `,
    expected: [],
  },
  {
    name: 'reports a full wildcard in a ClusterRole as critical, at the verbs item',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: root
      rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
    `,
    expected: [{ line: 8, column: 13, severity: 'critical', message: 'equivalent to cluster-admin' }],
  },
  {
    name: 'reports a full wildcard in a Role as high (full control of the namespace)',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: ns-root
        namespace: shop
      rules:
        - apiGroups:
            - "*"
          resources:
            - "*"
          verbs:
            - get
            - "*"
    `,
    expected: [
      {
        line: 13,
        column: 9,
        severity: 'high',
        message:
          'Role "shop/ns-root" rules[0] allows every verb on every resource of every API group ("*"): full control of the namespace',
      },
    ],
  },
  {
    name: 'reports "*" resources at the resources item and "*" verbs at the verbs item, one finding per entry',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: reader
      rules:
        - apiGroups: [""]
          resources: ["pods", "*"]
          verbs: ["get", "list"]
        - apiGroups: ["apps"]
          resources: ["deployments"]
          verbs: ["*"]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["get"]
    `,
    expected: [
      {
        line: 7,
        column: 25,
        severity: 'high',
        message:
          'ClusterRole "reader" rules[0] uses "*" in resources: it covers every current and future resource type',
      },
      {
        line: 11,
        column: 13,
        severity: 'high',
        message: 'rules[1] uses "*" in verbs: it covers every current and future verb on "deployments"',
      },
      { line: 13, column: 17, severity: 'high', message: 'rules[2] uses "*" in resources and apiGroups' },
    ],
  },
  {
    name: 'reports "*" API groups alone as low, at the apiGroups item',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: ingress-reader
      rules:
        - apiGroups: ["networking.k8s.io", "*"]
          resources: ["ingresses"]
          verbs: ["get", "list", "watch"]
    `,
    expected: [
      {
        line: 6,
        column: 38,
        severity: 'low',
        message: 'matches "ingresses" in every API group ("*"), including custom resources of the same name',
      },
    ],
  },
  {
    name: 'reports "*" non-resource URLs as medium, and escalates a combined entry to the worst severity',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: urls
      rules:
        - nonResourceURLs: ["*"]
          verbs: ["get"]
        - nonResourceURLs: ["/*"]
          apiGroups: ["*"]
          resources: ["configmaps"]
          verbs: ["get"]
    `,
    expected: [
      {
        line: 6,
        column: 23,
        severity: 'medium',
        message: 'rules[0] allows "get" on every non-resource URL ("*")',
      },
      {
        line: 9,
        column: 17,
        severity: 'medium',
        message:
          'in every API group ("*"), including custom resources of the same name installed later. It also allows every non-resource URL.',
      },
    ],
  },
  {
    name: 'skips platform-owned roles, aggregated ClusterRoles and objects outside the RBAC API group',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: system:controller:clusterrole-aggregation-controller
      rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: monitoring
      aggregationRule:
        clusterRoleSelectors:
          - matchLabels: {team: obs}
      rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
      ---
      apiVersion: example.com/v1
      kind: Role
      metadata:
        name: not-rbac
      rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
    `,
    expected: [],
  },
  {
    name: 'checks the items of a List',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: in-list
          rules:
            - apiGroups: ["*"]
              resources: ["*"]
              verbs: ["*"]
    `,
    expected: [{ line: 11, column: 17, severity: 'critical', message: 'ClusterRole "in-list" rules[0]' }],
  },
];

describe('rbac-wildcard', () => {
  testRuleCases(rule, cases);
});
