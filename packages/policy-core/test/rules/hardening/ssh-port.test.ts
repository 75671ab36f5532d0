import rule from '../../../src/rules/hardening/ssh-port.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for other ports and for UDP 22',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
            ports:
              - containerPort: 8080
              - containerPort: 22
                protocol: UDP
              - containerPort: "22"
    `,
    expected: [],
  },
  {
    name: 'reports containerPort 22 with TCP or no protocol, once per entry',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ssh
      spec:
        initContainers:
          - name: sidecar
            image: sshd
            restartPolicy: Always
            ports: [{containerPort: 22, name: ssh}]
        containers:
          - name: app
            image: nginx
            ports:
              - name: http
                containerPort: 80
              - name: ssh
                containerPort: 22
                protocol: TCP
    `,
    expected: [
      {
        line: 10,
        column: 16,
        container: 'sidecar',
        severity: 'low',
        message: 'Init container "sidecar" declares containerPort 22 (SSH)',
      },
      { line: 18, column: 11, container: 'app', message: 'Container "app" declares containerPort 22' },
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
                containers:
                  - name: job
                    image: busybox
                    ports:
                      - containerPort: 22
    `,
    expected: [{ line: 15, column: 19, container: 'job' }],
  },
];

describe('ssh-port', () => {
  testRuleCases(rule, cases);
});
