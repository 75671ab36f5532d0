import rule from '../../../src/rules/rbac/rbac-secrets-read.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for named Secrets, writes only, other API groups, full wildcards and platform roles',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: app
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["secrets"]
          resourceNames: ["app-tls", "app-db"]
          verbs: ["get", "list", "watch"]
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["create", "update", "delete"]
        - apiGroups: ["example.com"]
          resources: ["secrets"]
          verbs: ["list"]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: system:kube-controller-manager
      rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["list", "watch"]
    `,
    expected: [],
  },
  {
    name: 'reports list in a Role as medium, at the secrets item',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: reader
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["configmaps", "secrets"]
          verbs: ["get", "list"]
    `,
    expected: [
      {
        line: 8,
        column: 31,
        severity: 'medium',
        message:
          'Role "shop/reader" rules[0] allows get and list on secrets: whoever holds it can read the values of every Secret in its namespace',
      },
    ],
  },
  {
    name: 'reports watch in a ClusterRole as high',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: secret-syncer
      rules:
        - apiGroups: [""]
          resources:
            - secrets
          verbs: ["watch"]
    `,
    expected: [{ line: 8, column: 9, severity: 'high', message: 'allows watch on secrets' }],
  },
  {
    name: 'reports get alone one step lower: low in a Role, medium in a ClusterRole',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: getter
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["get"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: getter
      rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["get"]
    `,
    expected: [
      { line: 8, severity: 'low', message: 'can read any Secret whose name it knows in its namespace' },
      { line: 17, severity: 'medium', message: 'in every namespace it is bound for' },
    ],
  },
  {
    name: 'sees through "*" verbs and "*" resources, pointing at the matching item',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: wild
      rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["*"]
        - apiGroups: ["*"]
          resources: ["pods", "*"]
          verbs: ["list"]
    `,
    expected: [
      { line: 7, column: 17, severity: 'high', message: 'rules[0] allows get, list and watch on secrets' },
      { line: 10, column: 25, severity: 'high', message: 'rules[1] allows list on secrets' },
    ],
  },
];

describe('rbac-secrets-read', () => {
  testRuleCases(rule, cases);
});
