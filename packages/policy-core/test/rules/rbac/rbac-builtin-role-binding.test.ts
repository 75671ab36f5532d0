import rule from '../../../src/rules/rbac/rbac-builtin-role-binding.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for people in their namespace, view, redefined roles, platform bindings and subjects of other rules',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: team-edit
        namespace: shop
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects:
        - {kind: User, name: alice}
        - {kind: Group, name: shop-devs}
        - {kind: ServiceAccount, name: default}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: auditors
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
        - {kind: Group, name: auditors}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: everyone-admin
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
      subjects:
        - {kind: Group, name: "system:authenticated"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: eks:addon-manager
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects:
        - {kind: User, name: "eks:addon-manager"}
    `,
    expected: [],
  },
  {
    name: 'passes when the scan redefines the role (it is checked as a scanned role instead)',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: edit
      rules:
        - apiGroups: ["apps"]
          resources: ["deployments"]
          verbs: ["get", "patch"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: devs-edit
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects:
        - {kind: Group, name: devs}
    `,
    expected: [],
  },
  {
    name: 'reports a ClusterRoleBinding to edit as high, once, at roleRef.name, listing the subjects',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: devs-edit
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: edit
      subjects:
        - kind: Group
          name: devs
        - kind: User
          name: bob
    `,
    expected: [
      {
        line: 8,
        column: 3,
        severity: 'high',
        message:
          'ClusterRoleBinding "devs-edit" grants the built-in ClusterRole "edit" in every namespace to Group "devs" and User "bob": the role lets them read every Secret, exec into and create pods',
      },
    ],
  },
  {
    name: 'reports a RoleBinding to admin for ServiceAccounts only, as medium',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: ci-admin
        namespace: shop
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
      subjects:
        - {kind: User, name: alice}
        - {kind: ServiceAccount, name: ci}
        - {kind: User, name: "system:serviceaccount:tools:argocd"}
    `,
    expected: [
      {
        line: 6,
        severity: 'medium',
        message:
          'RoleBinding "shop/ci-admin" grants the built-in ClusterRole "admin" in namespace "shop" to ServiceAccount "shop/ci" and User "system:serviceaccount:tools:argocd": the role lets them read every Secret, exec into and create pods, impersonate ServiceAccounts, mint their tokens and manage Roles and RoleBindings.',
      },
    ],
  },
  {
    name: 'lowers platform ServiceAccounts, keeps the worst subject, and sees through an aggregated redefinition',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: edit
      aggregationRule:
        clusterRoleSelectors:
          - matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: addons
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects:
        - {kind: ServiceAccount, name: addon-manager, namespace: kube-system}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: mixed
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects:
        - {kind: ServiceAccount, name: addon-manager, namespace: kube-system}
        - {kind: ServiceAccount, name: deployer, namespace: ci}
    `,
    expected: [
      {
        line: 13,
        severity: 'medium',
        message: 'ClusterRoleBinding "addons" grants the built-in ClusterRole "edit"',
      },
      {
        line: 21,
        severity: 'high',
        message: 'ServiceAccount "kube-system/addon-manager" and ServiceAccount "ci/deployer"',
      },
    ],
  },
];

describe('rbac-builtin-role-binding', () => {
  testRuleCases(rule, cases);
});
