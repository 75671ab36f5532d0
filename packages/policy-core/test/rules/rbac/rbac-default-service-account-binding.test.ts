import rule from '../../../src/rules/rbac/rbac-default-service-account-binding.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for dedicated ServiceAccounts, other groups and platform-owned bindings',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: app
        namespace: shop
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
        - {kind: ServiceAccount, name: app}
        - {kind: Group, name: "system:serviceaccounts"}
        - {kind: User, name: default}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: system:controller:foo
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
        - {kind: ServiceAccount, name: default, namespace: kube-system}
    `,
    expected: [],
  },
  {
    name: 'reports the default ServiceAccount of the binding namespace as medium with a harmless role',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: default-view
        namespace: shop
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: view
      subjects:
        - kind: ServiceAccount
          name: default
    `,
    expected: [
      {
        line: 12,
        column: 5,
        severity: 'medium',
        message:
          'RoleBinding "shop/default-view" grants ClusterRole "view" to the default ServiceAccount of namespace "shop": every pod there without a serviceAccountName gets these rights.',
      },
    ],
  },
  {
    name: 'escalates to high with a dangerous scanned role and to critical with cluster-admin',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: secret-lister
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["list"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: default-secrets
        namespace: shop
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-lister}
      subjects:
        - {kind: ServiceAccount, name: default, namespace: shop}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: kube-system-default-admin
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: ServiceAccount, name: default, namespace: kube-system}
    `,
    expected: [
      { line: 18, severity: 'high', message: 'gets these rights, including secrets (list).' },
      {
        line: 26,
        severity: 'critical',
        message:
          'grants ClusterRole "cluster-admin" to the default ServiceAccount of namespace "kube-system"',
      },
    ],
  },
  {
    name: 'reports every ServiceAccount of a namespace, and an unset namespace',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: ns-wide
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects:
        - {kind: Group, name: "system:serviceaccounts:ci"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: unset
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: unknown}
      subjects:
        - {kind: ServiceAccount, name: default}
    `,
    expected: [
      {
        line: 7,
        severity: 'high',
        message:
          'ClusterRoleBinding "ns-wide" grants ClusterRole "edit" to Group "system:serviceaccounts:ci": every pod of namespace "ci" gets these rights, including secrets (get, list, watch)',
      },
      { line: 15, severity: 'medium', message: 'to the default ServiceAccount of its namespace' },
    ],
  },
];

describe('rbac-default-service-account-binding', () => {
  testRuleCases(rule, cases);
});
