import rule from '../../../src/rules/identity/service-account-not-found.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when the ServiceAccount is defined in the same namespace',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
        namespace: shop
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            serviceAccountName: web
            containers:
              - name: web
                image: nginx
    `,
    expected: [],
  },
  {
    name: 'passes when the scan defines no ServiceAccount in that namespace',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
        namespace: other
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: shop
      spec:
        serviceAccountName: api
        containers:
          - name: web
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports a typo with a suggestion, at serviceAccountName',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: checkout
        namespace: shop
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: checkout
        namespace: shop
      spec:
        template:
          spec:
            serviceAccountName: chekout
            containers:
              - name: checkout
                image: nginx
    `,
    expected: [
      {
        line: 15,
        column: 7,
        message:
          'ServiceAccount "chekout" is not defined in the scan, which defines other ServiceAccounts in namespace "shop" (did you mean "checkout"?)',
      },
    ],
  },
  {
    name: 'no suggestion when nothing is close; objects without a namespace match each other',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: frontend
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: worker
      spec:
        serviceAccountName: batch-runner
        containers:
          - name: worker
            image: busybox
    `,
    expected: [
      { line: 11, message: 'in the same namespace (none is set): the ServiceAccount admission controller' },
    ],
  },
  {
    name: 'checks the deprecated alias; default and templated names are never reported',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccount: wbe
        containers:
          - name: a
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: default
        containers:
          - name: b
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: c
      spec:
        serviceAccountName: \${SA_NAME}
        containers:
          - name: c
            image: nginx
    `,
    expected: [
      {
        line: 11,
        column: 3,
        message:
          'ServiceAccount "wbe" is not defined in the scan, which defines other ServiceAccounts in the same namespace (none is set) (did you mean "web"?)',
      },
    ],
  },
  {
    name: 'the ServiceAccount may come later in the scan (cross-resource)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: shop
      spec:
        serviceAccountName: web
        containers:
          - name: web
            image: nginx
      ---
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: web
            namespace: shop
    `,
    expected: [],
  },
];

describe('service-account-not-found', () => {
  testRuleCases(rule, cases);
});
