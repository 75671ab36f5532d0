import rule from '../../../src/rules/hardening/root-group.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with non-zero or unset groups',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          runAsGroup: 10001
          fsGroup: 10001
          supplementalGroups: [10001, 10002]
        containers:
          - name: app
            image: nginx
          - name: templated
            image: nginx
            securityContext:
              runAsGroup: "\${GID}"
    `,
    expected: [],
  },
  {
    name: 'reports a pod-level runAsGroup 0 once, naming the containers that inherit it',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: root
      spec:
        securityContext:
          runAsGroup: 0
        containers:
          - name: app
            image: nginx
          - name: web
            image: nginx
          - name: own
            image: nginx
            securityContext:
              runAsGroup: 1000
    `,
    expected: [
      {
        line: 7,
        column: 5,
        severity: 'medium',
        message:
          'The pod sets runAsGroup: 0 (inherited by containers "app", "web"): processes run with the root group',
      },
    ],
  },
  {
    name: 'does not report a pod-level 0 that every container overrides',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: overridden
      spec:
        securityContext:
          runAsGroup: 0
        containers:
          - name: app
            image: nginx
            securityContext:
              runAsGroup: 1000
    `,
    expected: [],
  },
  {
    name: 'reports container-level 0, supplementalGroups 0 and fsGroup 0',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: root
      spec:
        securityContext:
          supplementalGroups: [1000, 0]
          fsGroup: 0
        initContainers:
          - name: init
            image: busybox
            securityContext:
              runAsGroup: 0
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      { line: 7, column: 32, message: 'The pod lists group 0 in supplementalGroups' },
      { line: 8, column: 5, message: 'The pod sets fsGroup: 0' },
      { line: 13, column: 9, container: 'init', message: 'Init container "init" sets runAsGroup: 0' },
    ],
  },
  {
    name: 'is low in a user namespace',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            hostUsers: false
            containers:
              - name: web
                image: nginx
                securityContext:
                  runAsGroup: 0
    `,
    expected: [{ line: 13, column: 13, container: 'web', severity: 'low' }],
  },
  {
    name: 'skips Windows pods',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: win
      spec:
        os: {name: windows}
        securityContext:
          fsGroup: 0
        containers:
          - name: app
            image: nanoserver
    `,
    expected: [],
  },
];

describe('root-group', () => {
  testRuleCases(rule, cases);
});
