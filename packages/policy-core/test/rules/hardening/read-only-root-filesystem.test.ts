import rule from '../../../src/rules/hardening/read-only-root-filesystem.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when every container and init container sets readOnlyRootFilesystem: true',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        initContainers:
          - name: init
            image: busybox
            securityContext: {readOnlyRootFilesystem: true}
        containers:
          - name: app
            image: nginx
            securityContext:
              readOnlyRootFilesystem: true
          - name: templated
            image: nginx
            securityContext:
              readOnlyRootFilesystem: "\${RO}"
        ephemeralContainers:
          - name: debug
            image: busybox
    `,
    expected: [],
  },
  {
    name: 'reports false at the field and unset at the nearest parent',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: rw
      spec:
        securityContext:
          readOnlyRootFilesystem: true
        initContainers:
          - name: sidecar
            image: envoy
            restartPolicy: Always
        containers:
          - name: app
            image: nginx
            securityContext:
              readOnlyRootFilesystem: false
          - name: other
            image: nginx
            securityContext:
              runAsNonRoot: true
    `,
    expected: [
      {
        line: 9,
        column: 7,
        container: 'sidecar',
        message: 'Init container "sidecar" does not set readOnlyRootFilesystem: true',
      },
      {
        line: 16,
        column: 9,
        container: 'app',
        severity: 'low',
        message:
          'Container "app" sets readOnlyRootFilesystem: false, so a compromised process can modify its filesystem',
      },
      { line: 19, column: 7, container: 'other' },
    ],
  },
  {
    name: 'skips Windows pods',
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
  {
    name: 'checks CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: job
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                  - name: job
                    image: busybox
    `,
    expected: [{ line: 12, column: 15, container: 'job' }],
  },
];

describe('read-only-root-filesystem', () => {
  testRuleCases(rule, cases);
});
