import rule from '../../../src/rules/pss/host-namespaces.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when the host namespaces are unset or false',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        hostNetwork: false
        hostPID: false
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports one finding per host namespace set to true',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: host
      spec:
        hostNetwork: true
        hostPID: true
        hostIPC: true
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      { line: 6, column: 3, message: 'The pod sets hostNetwork: true' },
      { line: 7, column: 3, message: 'hostPID' },
      { line: 8, column: 3, message: 'hostIPC' },
    ],
  },
  {
    name: 'checks DaemonSet templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: node-agent
      spec:
        template:
          spec:
            hostPID: true
            containers:
              - name: agent
                image: agent
    `,
    expected: [{ line: 8, column: 7, message: 'hostPID' }],
  },
  {
    name: 'checks CronJob templates and applies at v1.0',
    version: 0,
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: job
      spec:
        schedule: "* * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                hostNetwork: true
                containers:
                  - name: job
                    image: busybox
    `,
    expected: [{ line: 11, message: 'hostNetwork' }],
  },
];

describe('host-namespaces', () => {
  testRuleCases(rule, cases);
});
