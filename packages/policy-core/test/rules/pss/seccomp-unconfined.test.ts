import rule from '../../../src/rules/pss/seccomp-unconfined.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** Unconfined in both the annotations (checked up to v1.18) and the fields (checked from v1.19). */
const BOTH = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: both
    annotations:
      seccomp.security.alpha.kubernetes.io/pod: unconfined
      container.seccomp.security.alpha.kubernetes.io/app: unconfined
  spec:
    securityContext:
      seccompProfile:
        type: Unconfined
    containers:
      - name: app
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes with RuntimeDefault/Localhost or no profile at all',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          seccompProfile:
            type: RuntimeDefault
        containers:
          - name: app
            image: nginx
            securityContext:
              seccompProfile:
                type: Localhost
                localhostProfile: profiles/app.json
          - name: plain
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports a pod-level Unconfined once, naming the inheriting containers',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-level
      spec:
        securityContext:
          seccompProfile:
            type: Unconfined
        containers:
          - name: app
            image: nginx
          - name: own
            image: nginx
            securityContext:
              seccompProfile:
                type: RuntimeDefault
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message: 'The pod sets seccompProfile.type to "Unconfined" (inherited by container "app")',
      },
    ],
  },
  {
    name: 'reports container-level profiles in every container list, including a missing type',
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
              seccompProfile:
                type: Unconfined
        containers:
          - name: app
            image: nginx
            securityContext:
              seccompProfile: {}
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              seccompProfile:
                type: Unconfined
    `,
    expected: [
      {
        line: 11,
        column: 11,
        container: 'init',
        message: 'Init container "init" sets seccompProfile.type to "Unconfined"',
      },
      { line: 16, column: 9, container: 'app', message: 'to ""' },
      { line: 22, column: 11, container: 'debug' },
    ],
  },
  {
    name: 'v1.18 checks only the alpha annotations',
    version: 18,
    yaml: BOTH,
    expected: [
      {
        line: 6,
        column: 5,
        message:
          'Annotation seccomp.security.alpha.kubernetes.io/pod sets the pod seccomp profile to "unconfined"',
      },
      { line: 7, column: 5, container: 'app', message: 'seccomp profile of container "app"' },
    ],
  },
  { name: 'v1.19 checks only the fields', version: 19, yaml: BOTH, expected: [{ line: 11, column: 7 }] },
  {
    name: 'v1.0 allows runtime/default, docker/default and localhost/*, and ignores annotations of unknown containers',
    version: 0,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: annotations
        annotations:
          seccomp.security.alpha.kubernetes.io/pod: docker/default
          container.seccomp.security.alpha.kubernetes.io/app: localhost/app.json
          container.seccomp.security.alpha.kubernetes.io/init: runtime/default
          container.seccomp.security.alpha.kubernetes.io/ghost: unconfined
      spec:
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'v1.0 reports init and ephemeral container annotations in a Deployment template',
    version: 0,
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            annotations:
              container.seccomp.security.alpha.kubernetes.io/init: unconfined
              container.seccomp.security.alpha.kubernetes.io/debug: ""
          spec:
            initContainers:
              - name: init
                image: busybox
            containers:
              - name: web
                image: nginx
            ephemeralContainers:
              - name: debug
                image: busybox
    `,
    expected: [
      { line: 9, column: 9, container: 'init' },
      { line: 10, column: 9, container: 'debug', message: 'to ""' },
    ],
  },
];

describe('seccomp-unconfined', () => {
  testRuleCases(rule, cases);
});
