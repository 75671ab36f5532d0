import rule from '../../../src/rules/identity/service-account-token-automount.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when the pod disables the automount',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        automountServiceAccountToken: false
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'passes when the ServiceAccount in the scan disables it and the pod is silent',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
        namespace: shop
      automountServiceAccountToken: false
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
    name: 'the pod value wins: true overrides the ServiceAccount false (reported at the pod field)',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
      automountServiceAccountToken: false
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        serviceAccountName: web
        automountServiceAccountToken: true
        containers:
          - name: web
            image: nginx
    `,
    expected: [
      {
        line: 13,
        column: 3,
        message:
          'The pod sets automountServiceAccountToken: true, overriding automountServiceAccountToken: false on ServiceAccount "web", so its API token is mounted',
      },
    ],
  },
  {
    name: 'pod true without a ServiceAccount object',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        automountServiceAccountToken: true
        containers:
          - name: web
            image: nginx
    `,
    expected: [
      {
        line: 6,
        message: `The pod sets automountServiceAccountToken: true, so the API token of the namespace's "default" ServiceAccount`,
      },
    ],
  },
  {
    name: 'unset everywhere and the ServiceAccount is not in the scan: reported at the pod spec',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            serviceAccountName: web
            containers:
              - name: web
                image: nginx
    `,
    expected: [{ line: 7, column: 5, message: 'ServiceAccount "web" is not in the scan' }],
  },
  {
    name: 'the ServiceAccount in the scan does not set it, or sets true',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: quiet
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: loud
      automountServiceAccountToken: true
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccountName: quiet
        containers:
          - name: a
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: loud
        containers:
          - name: b
            image: nginx
    `,
    expected: [
      { line: 16, message: 'ServiceAccount "quiet" (in the scan) does not set it' },
      { line: 26, message: 'ServiceAccount "loud" (in the scan) sets it to true' },
    ],
  },
  {
    name: 'a ServiceAccount in another namespace does not count',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
        namespace: other
      automountServiceAccountToken: false
      ---
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
    `,
    expected: [{ line: 13, message: 'is not in the scan' }],
  },
  {
    name: 'the deprecated serviceAccount alias selects the ServiceAccount',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: legacy
      automountServiceAccountToken: false
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        serviceAccount: legacy
        containers:
          - name: web
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'templated values are not judged',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
      automountServiceAccountToken: "\${SA_AUTOMOUNT}"
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        automountServiceAccountToken: "\${AUTOMOUNT}"
        containers:
          - name: a
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: web
        containers:
          - name: b
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'the pod value wins over a templated ServiceAccount value',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: web
      automountServiceAccountToken: \${SA_AUTOMOUNT}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        serviceAccountName: web
        automountServiceAccountToken: true
        containers:
          - name: web
            image: nginx
    `,
    expected: [{ line: 13, message: 'true, so the API token of ServiceAccount "web" is mounted' }],
  },
  {
    name: 'a ServiceAccount setting true is not a finding by itself; non-workloads are ignored',
    yaml: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: api-client
      automountServiceAccountToken: true
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        a: b
    `,
    expected: [],
  },
  {
    name: 'checks CronJob templates and List items',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: batch/v1
          kind: CronJob
          metadata:
            name: report
          spec:
            schedule: "0 * * * *"
            jobTemplate:
              spec:
                template:
                  spec:
                    automountServiceAccountToken: true
                    restartPolicy: Never
                    containers:
                      - name: report
                        image: busybox
    `,
    expected: [{ line: 14, column: 15, message: 'The pod sets automountServiceAccountToken: true' }],
  },
];

describe('service-account-token-automount', () => {
  testRuleCases(rule, cases);
});
