import rule from '../../../src/rules/rbac/rbac-system-group-binding.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for the default discovery bindings, the default cluster-admin binding and harmless platform bindings',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: system:public-info-viewer
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:public-info-viewer}
      subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:unauthenticated"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: oidc-discovery
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:service-account-issuer-discovery}
      subjects:
        - {kind: Group, name: "system:unauthenticated"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: cluster-admin
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: Group, name: "system:masters"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: kubeadm:bootstrap-signer-clusterinfo
        namespace: kube-public
      rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          resourceNames: ["cluster-info"]
          verbs: ["get"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: kubeadm:bootstrap-signer-clusterinfo
        namespace: kube-public
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "kubeadm:bootstrap-signer-clusterinfo"}
      subjects:
        - {kind: User, name: "system:anonymous"}
    `,
    expected: [],
  },
  {
    name: 'reports anonymous and unauthenticated subjects as critical whatever the role',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: public-status
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: status-reader
      subjects:
        - kind: User
          name: system:anonymous
        - kind: Group
          name: system:unauthenticated
        - kind: Group
          name: ops
    `,
    expected: [
      {
        line: 11,
        column: 5,
        severity: 'critical',
        message:
          'ClusterRoleBinding "public-status" grants ClusterRole "status-reader" to User "system:anonymous": that is anyone who can reach the API server, without credentials.',
      },
      { line: 13, column: 5, severity: 'critical', message: 'Group "system:unauthenticated"' },
    ],
  },
  {
    name: 'reports system:authenticated and system:serviceaccounts as high, critical with a dangerous role',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: secret-reader
      rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["list"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: everyone-reads-secrets
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
      subjects:
        - {kind: Group, name: "system:authenticated"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: everyone-views
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
        - {kind: Group, name: "system:authenticated"}
        - {kind: Group, name: "system:serviceaccounts"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: pods-edit
        namespace: shop
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects:
        - {kind: Group, name: "system:serviceaccounts"}
    `,
    expected: [
      {
        line: 16,
        severity: 'critical',
        message:
          'ClusterRoleBinding "everyone-reads-secrets" grants ClusterRole "secret-reader" (secrets (list)) to Group "system:authenticated": that is every authenticated user and every ServiceAccount token',
      },
      { line: 24, severity: 'high', message: 'grants ClusterRole "view" to Group "system:authenticated"' },
      { line: 25, severity: 'high', message: 'that is every ServiceAccount of the cluster' },
      { line: 34, severity: 'critical', message: 'grants ClusterRole "edit" (secrets (get, list, watch)' },
    ],
  },
  {
    name: 'ignores cluster-scoped permissions a RoleBinding cannot grant',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: kubelet-reader
      rules:
        - apiGroups: [""]
          resources: ["nodes/proxy"]
          verbs: ["get"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: kubelet-readers
        namespace: monitoring
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubelet-reader}
      subjects:
        - {kind: Group, name: "system:authenticated"}
    `,
    expected: [{ line: 17, severity: 'high', message: 'grants ClusterRole "kubelet-reader" to Group' }],
  },
  {
    name: 'reports system:masters outside the default binding, and platform bindings that grant dangerous roles',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: break-glass
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
        - {kind: Group, name: "system:masters"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: system:oops
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: Group, name: "system:authenticated"}
    `,
    expected: [
      {
        line: 7,
        severity: 'high',
        message:
          'ClusterRoleBinding "break-glass" names Group "system:masters": members of system:masters bypass RBAC',
      },
      {
        line: 15,
        severity: 'critical',
        message: 'grants ClusterRole "cluster-admin" (cluster-admin) to Group "system:authenticated"',
      },
    ],
  },
];

describe('rbac-system-group-binding', () => {
  testRuleCases(rule, cases);
});
