import rule from '../../../src/rules/platform/kro-unrestricted-rbac.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** What `helm template kro … --namespace kro-system` renders with the default `rbac.mode: unrestricted`. */
const unrestrictedChart = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: kro
    namespace: kro-system
    labels:
      app.kubernetes.io/name: kro
      app.kubernetes.io/part-of: kro
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: kro-cluster-role
  rules:
  - apiGroups:
    - "*"
    resources:
    - "*"
    verbs:
    - '*'
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: kro-cluster-role-binding
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: kro-cluster-role
  subjects:
  - kind: ServiceAccount
    name: kro
    namespace: kro-system
`;

const cases: RuleCase[] = [
  {
    name: 'reports the unrestricted Helm mode: the controller bound to a */*/* ClusterRole',
    yaml: unrestrictedChart,
    expected: [
      {
        line: 29,
        column: 3,
        severity: 'high',
        message:
          'ClusterRoleBinding "kro-cluster-role-binding" binds the kro controller ServiceAccount "kro-system/kro" to ' +
          'ClusterRole "kro-cluster-role", which allows every verb on every resource: anyone who can create a ' +
          'ResourceGraphDefinition',
      },
    ],
  },
  {
    name: 'passes the aggregation mode with narrow aggregated roles',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: kro:controller
      aggregationRule:
        clusterRoleSelectors:
          - matchLabels:
              rbac.kro.run/aggregate-to-controller: "true"
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: kro:controller:webapps
        labels:
          rbac.kro.run/aggregate-to-controller: "true"
      rules:
        - apiGroups: ["apps"]
          resources: ["deployments"]
          verbs: ["*"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: kro:controller
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: kro:controller
      subjects:
        - kind: ServiceAccount
          name: kro
          namespace: kro
    `,
    expected: [],
  },
  {
    name: 'reports a wildcard ClusterRole aggregated into the controller role (not again on the binding)',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: kro:controller
      aggregationRule:
        clusterRoleSelectors:
          - matchLabels:
              rbac.kro.run/aggregate-to-controller: "true"
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: kro:controller:everything
        labels:
          rbac.kro.run/aggregate-to-controller: "true"
      rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: kro:controller
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: kro:controller
      subjects:
        - kind: ServiceAccount
          name: kro
          namespace: kro
    `,
    expected: [
      {
        line: 17,
        column: 5,
        message:
          'ClusterRole "kro:controller:everything" is aggregated into the kro controller role and allows every verb on every resource',
      },
    ],
  },
  {
    name: 'reports cluster-admin bindings by name and namespace, and RoleBindings as medium',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: platform-kro-admin
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: platform-kro
          namespace: kro
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: kro-admin
        namespace: kro-system
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: kro
    `,
    expected: [
      {
        line: 8,
        column: 3,
        severity: 'high',
        message: 'binds the kro controller ServiceAccount "kro/platform-kro" to cluster-admin: anyone',
      },
      {
        line: 22,
        column: 3,
        severity: 'medium',
        message:
          'RoleBinding "kro-admin" binds the kro controller ServiceAccount "kro-system/kro" to cluster-admin: anyone who can create a ResourceGraphDefinition can make kro create any object in namespace "kro-system"',
      },
    ],
  },
  {
    name: 'ignores ServiceAccounts that are not the kro controller',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: other
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: kro
          namespace: default
        - kind: ServiceAccount
          name: argocd-application-controller
          namespace: kro-system
    `,
    expected: [],
  },
  {
    name: 'recognises a renamed controller ServiceAccount by its kro labels',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: graph-controller
        namespace: platform
        labels:
          app.kubernetes.io/part-of: kro
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: graph-controller
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
        - kind: ServiceAccount
          name: graph-controller
          namespace: platform
    `,
    expected: [{ line: 16, column: 3, message: '"platform/graph-controller" to cluster-admin' }],
  },
];

describe('kro-unrestricted-rbac', () => {
  testRuleCases(rule, cases);
});
