import rule from '../../../src/rules/rbac/rbac-create-pods.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for reads, deletes, scaling, pod creation limited by resourceNames and full wildcards',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: operator
        namespace: shop
      rules:
        - apiGroups: ["", "apps"]
          resources: ["pods", "deployments"]
          verbs: ["get", "list", "watch", "delete"]
        - apiGroups: ["apps"]
          resources: ["deployments/scale"]
          verbs: ["patch", "update"]
        - apiGroups: [""]
          resources: ["pods"]
          resourceNames: ["fixed-name"]
          verbs: ["create"]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
    `,
    expected: [],
  },
  {
    name: 'reports pod creation and controller changes, grouped by resource',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: deployer
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["configmaps", "pods"]
          verbs: ["create"]
        - apiGroups: ["apps", "extensions"]
          resources: ["deployments", "statefulsets"]
          verbs: ["create", "patch"]
        - apiGroups: ["batch"]
          resources: ["cronjobs"]
          verbs: ["*"]
    `,
    expected: [
      {
        line: 8,
        column: 31,
        severity: 'medium',
        message:
          'Role "shop/deployer" rules[0] allows create on pods: whoever holds it can run any image as any ServiceAccount of the namespace',
      },
      {
        line: 11,
        column: 17,
        severity: 'medium',
        message: 'allows create and patch on deployments; create and patch on statefulsets',
      },
      { line: 14, column: 17, severity: 'medium', message: 'allows create, update and patch on cronjobs' },
    ],
  },
  {
    name: 'reports updates of named workloads as low',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: image-bumper
      rules:
        - apiGroups: ["apps"]
          resources: ["deployments"]
          resourceNames: ["web"]
          verbs: ["get", "patch"]
    `,
    expected: [{ line: 7, column: 17, severity: 'low', message: 'allows patch on deployments' }],
  },
];

describe('rbac-create-pods', () => {
  testRuleCases(rule, cases);
});
