import rule from '../../../src/rules/pss/run-as-root-user.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const ROOT = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: root
  spec:
    hostUsers: false
    securityContext:
      runAsUser: 0
    containers:
      - name: app
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes with unset or non-zero users',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          runAsUser: 1000
        containers:
          - name: app
            image: nginx
          - name: other
            image: nginx
            securityContext:
              runAsUser: 2000
    `,
    expected: [],
  },
  {
    name: 'reports a pod-level 0 once even when containers override it',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: root
      spec:
        securityContext:
          runAsUser: 0
        containers:
          - name: app
            image: nginx
          - name: other
            image: nginx
            securityContext:
              runAsUser: 1000
    `,
    expected: [{ line: 7, column: 5, message: 'The pod sets runAsUser: 0 (inherited by container "app")' }],
  },
  {
    name: 'reports containers that set 0, in every container list',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: root
      spec:
        securityContext:
          runAsUser: 1000
        initContainers:
          - name: init
            image: busybox
            securityContext:
              runAsUser: 0
        containers:
          - name: app
            image: nginx
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext: {runAsUser: 0}
    `,
    expected: [
      { line: 12, column: 9, container: 'init', message: 'Init container "init" sets runAsUser: 0' },
      { line: 19, container: 'debug' },
    ],
  },
  { name: 'does not apply before policy v1.23', version: 22, yaml: ROOT, expected: [] },
  {
    name: 'applies from v1.23, without the user-namespace relaxation before v1.35',
    version: 34,
    yaml: ROOT,
    expected: [{ line: 8 }],
  },
  { name: 'hostUsers: false relaxes the check from v1.35', version: 35, yaml: ROOT, expected: [] },
  {
    name: 'checks Deployment templates',
    version: 23,
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx
                securityContext:
                  runAsUser: 0
    `,
    expected: [{ line: 12, column: 13, container: 'web' }],
  },
];

describe('run-as-root-user', () => {
  testRuleCases(rule, cases);
});
