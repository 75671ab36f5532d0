import rule from '../../../src/rules/hardening/sysctl-injection.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for plain values of ordinary sysctls',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          sysctls:
            - name: net.ipv4.ip_local_port_range
              value: "1024 65535"
            - name: kernel.shm_rmid_forced
              value: "1"
            - name: kernel.msgmax
              value: "65536"
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports an injected value at the value, whatever the name',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: cr8escape
      spec:
        securityContext:
          sysctls:
            - name: kernel.shm_rmid_forced
              value: "1+kernel.core_pattern=|/var/lib/containers/storage/overlay/x/malicious.sh #"
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      {
        line: 9,
        column: 9,
        severity: 'critical',
        message: 'The pod sets sysctl "kernel.shm_rmid_forced": its value "1+kernel.core_pattern=',
      },
    ],
  },
  {
    name: 'reports kernel.core_pattern and kernel.modprobe by name, also in the slash form',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            securityContext:
              sysctls:
                - name: kernel.core_pattern
                  value: core
                - name: kernel/modprobe
                  value: /sbin/modprobe
            containers:
              - name: web
                image: nginx
    `,
    expected: [
      {
        line: 10,
        column: 13,
        severity: 'critical',
        message: 'The pod sets sysctl "kernel.core_pattern": a core_pattern starting with "|"',
      },
      {
        line: 12,
        column: 13,
        message: 'sysctl "kernel/modprobe": it names the program the kernel runs as root',
      },
    ],
  },
  {
    name: 'a host-execution name with an injected value is one finding, at the value',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: both
      spec:
        securityContext:
          sysctls:
            - {name: kernel.core_pattern, value: "|/x=y"}
            - {value: "a=b"}
            - name: net.core.somaxconn
              value: 1024
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      { line: 8, column: 37, message: 'contains "+" or "="' },
      { line: 9, column: 10, message: 'The pod sets sysctl 2: its value "a=b"' },
    ],
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
                securityContext:
                  sysctls:
                    - name: kernel.core_pattern
                containers:
                  - name: job
                    image: busybox
    `,
    expected: [{ line: 13, column: 17, severity: 'critical' }],
  },
];

describe('sysctl-injection', () => {
  testRuleCases(rule, cases);
});
