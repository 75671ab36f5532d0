import rule from '../../../src/rules/pss/proc-mount-restricted.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const USERNS_UNMASKED = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: nested
  spec:
    hostUsers: false
    initContainers:
      - name: init
        image: busybox
        securityContext:
          procMount: Unmasked
    containers:
      - name: builder
        image: buildkit
        securityContext:
          procMount: Default
    ephemeralContainers:
      - name: debug
        image: busybox
        securityContext:
          procMount: Unmasked
`;

const cases: RuleCase[] = [
  { name: 'does not apply before policy v1.35', version: 34, yaml: USERNS_UNMASKED, expected: [] },
  {
    name: 'from v1.35 forbids non-Default procMount even with hostUsers: false',
    version: 35,
    yaml: USERNS_UNMASKED,
    expected: [
      {
        line: 11,
        column: 9,
        container: 'init',
        message: 'Init container "init" sets procMount to "Unmasked"',
      },
      { line: 21, column: 9, container: 'debug' },
    ],
  },
  {
    name: 'checks Deployment templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: builder
      spec:
        template:
          spec:
            containers:
              - name: builder
                image: buildkit
                securityContext:
                  procMount: Unmasked
    `,
    expected: [{ line: 12, column: 13, container: 'builder' }],
  },
  {
    name: 'passes with Default or unset procMount',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        hostUsers: false
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
];

describe('proc-mount-restricted', () => {
  testRuleCases(rule, cases);
});
