import rule from '../../../src/rules/supply-chain/default-namespace.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const cases: RuleCase[] = [
  {
    name: 'passes dedicated namespaces, unset namespaces and cluster-scoped kinds',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: app
                image: app:1
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: unscoped
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: reader
        namespace: default
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: default
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: cni
        namespace: kube-system
      spec:
        template:
          spec:
            containers:
              - name: cni
                image: cni:1
    `,
    expected: [],
  },
  {
    name: 'reports any namespaced object placed in default, on metadata.namespace',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: default
      spec:
        template:
          spec:
            containers:
              - name: app
                image: app:1
      ---
      apiVersion: v1
      kind: Service
      metadata:
        namespace: default
        name: web
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: editor
        namespace: default
    `,
    expected: [
      { line: 5, column: 3, message: 'Deployment "web" is placed in the default namespace' },
      { line: 16, column: 3, message: 'Service "web"' },
      { line: 23, message: 'Role "editor"' },
    ],
  },
  {
    name: 'checks List items',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Secret
          metadata:
            name: creds
            namespace: default
    `,
    expected: [{ line: 8, column: 7, message: 'Secret "creds"' }],
  },
];

describe('default-namespace', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);
});
