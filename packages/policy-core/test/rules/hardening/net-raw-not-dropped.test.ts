import rule from '../../../src/rules/hardening/net-raw-not-dropped.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when ALL or NET_RAW is dropped, in any spelling',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: a
            image: nginx
            securityContext:
              capabilities:
                drop: [ALL]
          - name: b
            image: nginx
            securityContext:
              capabilities:
                drop: [net_raw]
          - name: c
            image: nginx
            securityContext:
              capabilities:
                drop: [CAP_NET_RAW]
    `,
    expected: [],
  },
  {
    name: 'reports containers that keep NET_RAW, at drop or the nearest parent',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: raw
      spec:
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx
            securityContext:
              capabilities:
                drop: [SYS_ADMIN]
          - name: other
            image: nginx
            securityContext:
              runAsNonRoot: true
        ephemeralContainers:
          - name: debug
            image: busybox
    `,
    expected: [
      {
        line: 7,
        column: 7,
        container: 'init',
        message: 'Init container "init" keeps the default NET_RAW capability',
      },
      {
        line: 14,
        column: 11,
        container: 'app',
        message: 'Container "app" keeps the default NET_RAW capability',
      },
      { line: 17, column: 7, container: 'other' },
      { line: 20, column: 7, container: 'debug', message: 'Ephemeral container "debug"' },
    ],
  },
  {
    name: 'skips privileged containers, containers that add NET_RAW or ALL, and templated drop lists',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: skip
      spec:
        template:
          spec:
            containers:
              - name: privileged
                image: nginx
                securityContext:
                  privileged: true
              - name: adds
                image: nginx
                securityContext:
                  capabilities:
                    add: [NET_RAW]
              - name: adds-all
                image: nginx
                securityContext:
                  capabilities:
                    add: [all]
              - name: templated
                image: nginx
                securityContext:
                  capabilities:
                    drop: ["\${DROP}"]
    `,
    expected: [],
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
        containers:
          - name: app
            image: mcr.microsoft.com/windows/servercore
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

describe('net-raw-not-dropped', () => {
  testRuleCases(rule, cases);

  it('is opinionated: strict profile only', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
