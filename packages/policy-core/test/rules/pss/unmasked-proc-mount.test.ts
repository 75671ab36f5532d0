import rule from '../../../src/rules/pss/unmasked-proc-mount.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const USERNS_UNMASKED = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: nested
  spec:
    hostUsers: false
    containers:
      - name: builder
        image: buildkit
        securityContext:
          procMount: Unmasked
`;

const cases: RuleCase[] = [
  {
    name: 'passes with procMount unset or Default',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
            securityContext:
              procMount: Default
          - name: other
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports every container list, and an empty string (only Default is allowed)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: unmasked
      spec:
        initContainers:
          - name: init
            image: busybox
            securityContext:
              procMount: Unmasked
        containers:
          - name: app
            image: nginx
            securityContext:
              procMount: ""
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              procMount: Unmasked
    `,
    expected: [
      {
        line: 10,
        column: 9,
        container: 'init',
        message: 'Init container "init" sets procMount to "Unmasked"',
      },
      { line: 15, column: 9, container: 'app', message: 'procMount to ""' },
      { line: 20, column: 9, container: 'debug' },
    ],
  },
  {
    name: 'still reports user-namespaced pods before policy v1.35',
    version: 34,
    yaml: USERNS_UNMASKED,
    expected: [{ line: 11, column: 9, container: 'builder' }],
  },
  {
    name: 'relaxes for hostUsers: false from policy v1.35',
    version: 35,
    yaml: USERNS_UNMASKED,
    expected: [],
  },
  {
    name: 'does not relax for hostUsers: true at v1.35',
    version: 35,
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: builder
      spec:
        template:
          spec:
            hostUsers: true
            containers:
              - name: builder
                image: buildkit
                securityContext:
                  procMount: Unmasked
    `,
    expected: [{ line: 13, column: 13, container: 'builder' }],
  },
];

describe('unmasked-proc-mount', () => {
  testRuleCases(rule, cases);
});
