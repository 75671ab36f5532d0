import rule from '../../../src/rules/pss/capabilities-beyond-baseline.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when only default capabilities are added, whatever is dropped',
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
              capabilities:
                drop: [ALL]
                add: [NET_BIND_SERVICE, CHOWN, SETUID, SYS_CHROOT]
    `,
    expected: [],
  },
  {
    name: 'reports one finding per forbidden capability, at the list item',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: caps
      spec:
        containers:
          - name: app
            image: nginx
            securityContext:
              capabilities:
                add:
                  - NET_BIND_SERVICE
                  - NET_RAW
                  - SYS_ADMIN
    `,
    expected: [
      {
        line: 13,
        column: 15,
        container: 'app',
        message: 'Container "app" adds capability "NET_RAW", which is outside the baseline set',
      },
      { line: 14, column: 15, container: 'app', message: '"SYS_ADMIN"' },
    ],
  },
  {
    name: 'compares names exactly: ALL, lower case and CAP_ prefixes are forbidden; duplicates count once',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: caps
      spec:
        initContainers:
          - name: init
            image: busybox
            securityContext:
              capabilities:
                add: [chown, CAP_CHOWN]
        containers:
          - name: app
            image: nginx
            securityContext:
              capabilities:
                add:
                  - ALL
                  - ALL
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              capabilities:
                add: [SYS_PTRACE]
    `,
    expected: [
      { line: 11, container: 'init', message: 'Init container "init" adds capability "chown"' },
      { line: 11, container: 'init', message: '"CAP_CHOWN"' },
      { line: 18, column: 15, container: 'app', message: '"ALL"' },
      { line: 25, container: 'debug', message: 'Ephemeral container "debug" adds capability "SYS_PTRACE"' },
    ],
  },
  {
    name: 'checks Deployment templates',
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
                  capabilities:
                    add: ["NET_ADMIN"]
    `,
    expected: [{ line: 13, container: 'web', message: '"NET_ADMIN"' }],
  },
];

describe('capabilities-beyond-baseline', () => {
  testRuleCases(rule, cases);
});
