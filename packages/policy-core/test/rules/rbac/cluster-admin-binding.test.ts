import rule from '../../../src/rules/rbac/cluster-admin-binding.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for platform bindings, other roles and subjects owned by other rules',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: cluster-admin
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - apiGroup: rbac.authorization.k8s.io
          kind: Group
          name: system:masters
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: kubeadm:cluster-admins
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "kubeadm:cluster-admins"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: ops-admins
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: Group, name: "kubeadm:cluster-admins"}
        - {kind: User, name: "system:kube-controller-manager"}
        - {kind: Group, name: "system:authenticated"}
        - {kind: ServiceAccount, name: default, namespace: shop}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: admins-view
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
      subjects:
        - {kind: User, name: alice}
      ---
      apiVersion: example.com/v1
      kind: RoleBinding
      metadata:
        name: not-rbac
      roleRef: {kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: User, name: alice}
    `,
    expected: [],
  },
  {
    name: 'reports each named subject of a ClusterRoleBinding as critical, at its name',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: ci-admin
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: deployer
          namespace: ci
        - kind: User
          name: bob@example.com
        - kind: Group
          name: platform-team
        - kind: User
          name: system:serviceaccount:ci:builder
    `,
    expected: [
      {
        line: 11,
        column: 5,
        severity: 'critical',
        message:
          'ClusterRoleBinding "ci-admin" grants cluster-admin to ServiceAccount "ci/deployer": it can do anything in the cluster',
      },
      { line: 14, column: 5, severity: 'critical', message: 'User "bob@example.com"' },
      { line: 16, column: 5, severity: 'critical', message: 'Group "platform-team"' },
      { line: 18, column: 5, severity: 'critical', message: 'User "system:serviceaccount:ci:builder"' },
    ],
  },
  {
    name: 'reports a RoleBinding to cluster-admin as high (full control of the namespace)',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: team-admin
        namespace: shop
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: ServiceAccount, name: argocd}
    `,
    expected: [
      {
        line: 8,
        severity: 'high',
        message:
          'RoleBinding "shop/team-admin" grants cluster-admin to ServiceAccount "shop/argocd": it has full control of namespace "shop"',
      },
    ],
  },
  {
    name: 'lowers ServiceAccounts of platform namespaces, including configured ones',
    settings: { systemNamespaces: ['argocd'] },
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: controllers
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: ServiceAccount, name: tiller, namespace: kube-system}
        - {kind: ServiceAccount, name: argocd-application-controller, namespace: argocd}
    `,
    expected: [
      {
        line: 7,
        severity: 'high',
        message:
          'ServiceAccount "kube-system/tiller": it can do anything in the cluster, including reading every Secret and rewriting RBAC (a platform namespace',
      },
      { line: 8, severity: 'high', message: 'ServiceAccount "argocd/argocd-application-controller"' },
    ],
  },
];

describe('cluster-admin-binding', () => {
  testRuleCases(rule, cases);
});
