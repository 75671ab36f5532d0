import rule from '../../../src/rules/rbac/rbac-dangerous-grant.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const roles = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: debugger
    namespace: shop
  rules:
    - apiGroups: [""]
      resources: ["secrets"]
      verbs: ["list"]
    - apiGroups: [""]
      resources: ["pods/exec"]
      verbs: ["create"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: reader
  rules:
    - apiGroups: [""]
      resources: ["configmaps"]
      verbs: ["get"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: kubelet-reader
  rules:
    - apiGroups: [""]
      resources: ["nodes/proxy"]
      verbs: ["get"]
`;

const cases: RuleCase[] = [
  {
    name: 'passes for built-in, unknown and harmless roles, users, platform bindings and ungrantable permissions',
    yaml:
      roles +
      yaml`
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: builtin, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects: [{kind: ServiceAccount, name: ci}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: unknown, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: not-in-scan}
      subjects: [{kind: ServiceAccount, name: ci}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: harmless}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
      subjects: [{kind: ServiceAccount, name: ci, namespace: shop}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: people, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: debugger}
      subjects: [{kind: User, name: alice}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system:debuggers", namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: debugger}
      subjects: [{kind: ServiceAccount, name: ci}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: namespaced, namespace: monitoring}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubelet-reader}
      subjects: [{kind: ServiceAccount, name: prometheus}]
    `,
    expected: [],
  },
  {
    name: 'names the ServiceAccounts and groups that get a dangerous scanned role, at roleRef.name',
    yaml:
      roles +
      yaml`
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: debuggers
        namespace: shop
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: Role
        name: debugger
      subjects:
        - {kind: ServiceAccount, name: toolbox}
        - {kind: Group, name: sre}
        - {kind: User, name: alice}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: prometheus}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubelet-reader}
      subjects: [{kind: ServiceAccount, name: prometheus, namespace: monitoring}]
    `,
    expected: [
      {
        line: 40,
        column: 3,
        severity: 'medium',
        message:
          'RoleBinding "shop/debuggers" gives ServiceAccount "shop/toolbox" and Group "sre" the Role "debugger", which allows secrets (list), pods/exec (create).',
      },
      {
        line: 49,
        message:
          'gives ServiceAccount "monitoring/prometheus" the ClusterRole "kubelet-reader", which allows nodes/proxy (get).',
      },
    ],
  },
  {
    name: 'says when an aggregated ClusterRole may grant more than the scan shows',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: platform}
      aggregationRule:
        clusterRoleSelectors: [{matchLabels: {aggregate-to-platform: "true"}}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: platform-secrets
        labels: {aggregate-to-platform: "true"}
      rules:
        - {apiGroups: [""], resources: ["secrets"], verbs: ["watch"]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: platform}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: platform}
      subjects: [{kind: Group, name: platform-team}]
    `,
    expected: [
      {
        line: 18,
        message:
          'gives Group "platform-team" the ClusterRole "platform", which allows secrets (watch) (at least: it is aggregated).',
      },
    ],
  },
];

describe('rbac-dangerous-grant', () => {
  testRuleCases(rule, cases);
});
