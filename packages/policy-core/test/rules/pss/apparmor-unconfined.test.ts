import rule from '../../../src/rules/pss/apparmor-unconfined.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with RuntimeDefault/Localhost fields and allowed annotation values',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
        annotations:
          container.apparmor.security.beta.kubernetes.io/app: runtime/default
          container.apparmor.security.beta.kubernetes.io/init: localhost/my-profile
          container.apparmor.security.beta.kubernetes.io/other: ""
      spec:
        securityContext:
          appArmorProfile:
            type: RuntimeDefault
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx
            securityContext:
              appArmorProfile:
                type: Localhost
                localhostProfile: my-profile
    `,
    expected: [],
  },
  {
    name: 'reports an unconfined pod-level profile once, naming the containers that inherit it',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-level
      spec:
        securityContext:
          appArmorProfile:
            type: Unconfined
        containers:
          - name: app
            image: nginx
          - name: hardened
            image: nginx
            securityContext:
              appArmorProfile:
                type: RuntimeDefault
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message: 'The pod sets appArmorProfile.type to "Unconfined" (inherited by container "app")',
      },
    ],
  },
  {
    name: 'reports container-level profiles in every container list, including an empty type',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: containers
      spec:
        initContainers:
          - name: init
            image: busybox
            securityContext:
              appArmorProfile:
                type: Unconfined
        containers:
          - name: app
            image: nginx
            securityContext:
              appArmorProfile: {}
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              appArmorProfile:
                type: Unconfined
    `,
    expected: [
      {
        line: 11,
        column: 11,
        container: 'init',
        message: 'Init container "init" sets appArmorProfile.type to "Unconfined"',
      },
      { line: 16, column: 9, container: 'app', message: 'to ""' },
      { line: 22, column: 11, container: 'debug' },
    ],
  },
  {
    name: 'reports each forbidden annotation, with or without a matching container',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: annotations
        annotations:
          container.apparmor.security.beta.kubernetes.io/app: unconfined
          container.apparmor.security.beta.kubernetes.io/ghost: docker-default
          seccomp.security.alpha.kubernetes.io/pod: unconfined
      spec:
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      {
        line: 6,
        column: 5,
        container: 'app',
        message: 'AppArmor profile of container "app" to "unconfined"',
      },
      { line: 7, column: 5, message: 'container "ghost" to "docker-default"' },
    ],
  },
  {
    name: 'checks Deployment template annotations at policy v1.0',
    version: 0,
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        annotations:
          container.apparmor.security.beta.kubernetes.io/web: unconfined
      spec:
        template:
          metadata:
            annotations:
              container.apparmor.security.beta.kubernetes.io/web: unconfined
          spec:
            containers:
              - name: web
                image: nginx
    `,
    expected: [{ line: 11, column: 9, container: 'web' }],
  },
];

describe('apparmor-unconfined', () => {
  testRuleCases(rule, cases);
});
