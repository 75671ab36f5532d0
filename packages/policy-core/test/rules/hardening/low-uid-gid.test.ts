import rule from '../../../src/rules/hardening/low-uid-gid.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with high, zero, unset or templated IDs',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          runAsUser: 10001
          runAsGroup: 0
        containers:
          - name: app
            image: nginx
          - name: other
            image: nginx
            securityContext:
              runAsUser: 0
              runAsGroup: "\${GID}"
    `,
    expected: [],
  },
  {
    name: 'reports pod-level low IDs once and container-level low IDs per container, at the boundary',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: low
      spec:
        securityContext:
          runAsUser: 10000
        containers:
          - name: app
            image: nginx
          - name: web
            image: nginx
            securityContext:
              runAsUser: 20000
              runAsGroup: 1
    `,
    expected: [
      {
        line: 7,
        column: 5,
        severity: 'low',
        message: 'The pod sets runAsUser: 10000 (inherited by container "app"), at or below 10000',
      },
      { line: 15, column: 9, container: 'web', message: 'Container "web" sets runAsGroup: 1' },
    ],
  },
  {
    name: 'skips pods in a user namespace and Windows pods',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: userns
          spec:
            hostUsers: false
            securityContext: {runAsUser: 1000}
            containers:
              - name: app
                image: nginx
        - apiVersion: v1
          kind: Pod
          metadata:
            name: win
          spec:
            os: {name: windows}
            securityContext: {runAsUser: 1000}
            containers:
              - name: app
                image: nginx
    `,
    expected: [],
  },
  {
    name: 'checks init and ephemeral containers in Deployment templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: busybox
                securityContext: {runAsUser: 1000}
            containers:
              - name: web
                image: nginx
            ephemeralContainers:
              - name: debug
                image: busybox
                securityContext: {runAsGroup: 999}
    `,
    expected: [
      { line: 11, column: 29, container: 'init', message: 'Init container "init" sets runAsUser: 1000' },
      { line: 18, column: 29, container: 'debug', message: 'runAsGroup: 999' },
    ],
  },
];

describe('low-uid-gid', () => {
  testRuleCases(rule, cases);
});
