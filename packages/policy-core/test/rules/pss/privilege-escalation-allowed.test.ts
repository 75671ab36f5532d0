import rule from '../../../src/rules/pss/privilege-escalation-allowed.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when every container sets allowPrivilegeEscalation: false',
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
              allowPrivilegeEscalation: false
    `,
    expected: [],
  },
  {
    name: 'reports an explicit true at the field',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: bad
      spec:
        containers:
          - name: app
            image: nginx
            securityContext:
              allowPrivilegeEscalation: true
    `,
    expected: [
      {
        line: 10,
        column: 9,
        container: 'app',
        message: 'Container "app" sets allowPrivilegeEscalation to true',
      },
    ],
  },
  {
    name: 'reports a missing field at the securityContext, or at the container name without one',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: missing
      spec:
        containers:
          - name: app
            image: nginx
            securityContext:
              runAsNonRoot: true
          - image: busybox
            name: sidecar
    `,
    expected: [
      { line: 9, column: 7, container: 'app', message: 'does not set allowPrivilegeEscalation: false' },
      { line: 12, column: 7, container: 'sidecar' },
    ],
  },
  {
    name: 'checks init and ephemeral containers too (a pod-level setting does not exist)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: all-lists
      spec:
        securityContext:
          runAsNonRoot: true
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx
            securityContext:
              allowPrivilegeEscalation: false
        ephemeralContainers:
          - name: debugger
            image: busybox
            securityContext:
              allowPrivilegeEscalation: true
    `,
    expected: [
      { line: 9, container: 'init', message: 'Init container "init"' },
      {
        line: 20,
        container: 'debugger',
        message: 'Ephemeral container "debugger" sets allowPrivilegeEscalation to true',
      },
    ],
  },
  {
    name: 'checks Deployment pod templates',
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
                  allowPrivilegeEscalation: true
    `,
    expected: [{ line: 12, column: 13, container: 'web' }],
  },
  {
    name: 'checks CronJob job templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 0 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: job
                    image: busybox
    `,
    expected: [{ line: 13, container: 'job' }],
  },
  {
    name: 'does not apply before policy v1.8',
    version: 7,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: old
      spec:
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'applies from policy v1.8',
    version: 8,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: old
      spec:
        containers:
          - name: app
            image: nginx
    `,
    expected: [{ line: 7, container: 'app' }],
  },
  {
    name: 'does not exempt Windows pods before v1.25',
    version: 24,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: win
      spec:
        os:
          name: windows
        containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
    `,
    expected: [{ line: 9, container: 'app' }],
  },
  {
    name: 'exempts Windows pods from v1.25',
    version: 25,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: win
      spec:
        os:
          name: windows
        containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
    `,
    expected: [],
  },
];

describe('privilege-escalation-allowed', () => {
  testRuleCases(rule, cases);
});
