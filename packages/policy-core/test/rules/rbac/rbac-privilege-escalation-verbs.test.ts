import rule from '../../../src/rules/rbac/rbac-privilege-escalation-verbs.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for scoped bind, binding management, cluster-scoped verbs in a Role and lone signer approval',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: namespace-onboarding
      rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles"]
          resourceNames: ["view", "app-reader"]
          verbs: ["bind"]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["rolebindings"]
          verbs: ["create", "update", "delete"]
        - apiGroups: ["certificates.k8s.io"]
          resources: ["signers"]
          verbs: ["approve"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: cannot-grant-cluster-scoped
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["users", "groups"]
          verbs: ["impersonate"]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles"]
          verbs: ["escalate"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: custom-signer-approver
      rules:
        - apiGroups: ["certificates.k8s.io"]
          resources: ["certificatesigningrequests/approval"]
          verbs: ["update"]
        - apiGroups: ["certificates.k8s.io"]
          resources: ["signers"]
          resourceNames: ["example.com/my-signer"]
          verbs: ["approve"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: system:controller:clusterrole-aggregation-controller
      rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles"]
          verbs: ["escalate", "get", "list", "patch", "update", "watch"]
    `,
    expected: [],
  },
  {
    name: 'reports escalate and bind on ClusterRoles in one finding, at the first verb',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: rbac-manager
      rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles", "clusterrolebindings"]
          verbs: ["create", "bind", "escalate"]
    `,
    expected: [
      {
        line: 8,
        column: 31,
        severity: 'high',
        message:
          'ClusterRole "rbac-manager" rules[0] allows escalate on clusterroles (create or edit roles with permissions it does not hold); bind on clusterroles',
      },
    ],
  },
  {
    name: 'reports bind limited to cluster-admin, and "*" verbs on roles in a Role at the "*" item',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: admin-binder
      rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles"]
          resourceNames: ["cluster-admin"]
          verbs: ["bind"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: role-admin
        namespace: shop
      rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["roles"]
          verbs: ["*"]
    `,
    expected: [
      { line: 9, column: 13, severity: 'high', message: 'allows bind on clusterroles' },
      {
        line: 19,
        column: 13,
        severity: 'high',
        message:
          'allows escalate on roles (create or edit roles with permissions it does not hold); bind on roles',
      },
    ],
  },
  {
    name: 'reports impersonation: high for everyone or system identities, medium for other named identities',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: impersonators
      rules:
        - apiGroups: [""]
          resources: ["users", "groups", "serviceaccounts"]
          verbs: ["impersonate"]
        - apiGroups: [""]
          resources: ["users"]
          resourceNames: ["alice"]
          verbs: ["impersonate"]
        - apiGroups: [""]
          resources: ["groups"]
          resourceNames: ["system:masters"]
          verbs: ["impersonate"]
        - apiGroups: ["authentication.k8s.io"]
          resources: ["userextras/scopes", "uids"]
          verbs: ["impersonate"]
    `,
    expected: [
      {
        line: 8,
        column: 13,
        severity: 'high',
        message: 'impersonate on users, groups and serviceaccounts (act as another identity)',
      },
      { line: 12, column: 13, severity: 'medium', message: 'rules[1] allows impersonate on users' },
      { line: 16, column: 13, severity: 'high', message: 'rules[2] allows impersonate on groups' },
      {
        line: 19,
        column: 13,
        severity: 'high',
        message: 'rules[3] allows impersonate on uids and userextras/scopes',
      },
    ],
  },
  {
    name: 'reports ServiceAccount token creation at the resources item; named accounts are medium',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: token-minter
        namespace: ci
      rules:
        - apiGroups: [""]
          resources: ["serviceaccounts", "serviceaccounts/token"]
          verbs: ["get", "create"]
        - apiGroups: [""]
          resources: ["serviceaccounts/token"]
          resourceNames: ["builder"]
          verbs: ["create"]
    `,
    expected: [
      {
        line: 8,
        column: 36,
        severity: 'high',
        message:
          'allows create on serviceaccounts/token (mint tokens for ServiceAccounts and use their rights)',
      },
      { line: 11, column: 17, severity: 'medium', message: 'rules[1]' },
    ],
  },
  {
    name: 'reports API-client signer approval when the role can also approve CSRs',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: csr-approver
      rules:
        - apiGroups: ["certificates.k8s.io"]
          resources: ["certificatesigningrequests"]
          verbs: ["get", "list", "watch"]
        - apiGroups: ["certificates.k8s.io"]
          resources: ["certificatesigningrequests/approval"]
          verbs: ["update"]
        - apiGroups: ["certificates.k8s.io"]
          resources: ["signers"]
          resourceNames: ["kubernetes.io/kube-apiserver-client"]
          verbs: ["approve"]
    `,
    expected: [{ line: 15, column: 13, severity: 'high', message: 'rules[2] allows approve on signers' }],
  },
];

describe('rbac-privilege-escalation-verbs', () => {
  testRuleCases(rule, cases);
});
