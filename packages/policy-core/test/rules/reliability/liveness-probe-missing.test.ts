import rule from '../../../src/rules/reliability/liveness-probe-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when long-running containers have liveness probes; run-once init and ephemeral containers are exempt',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        template:
          spec:
            initContainers:
              - name: setup
                image: setup:1
            containers:
              - name: agent
                image: agent:1
                livenessProbe:
                  exec:
                    command: [agent, health]
            ephemeralContainers:
              - name: debug
                image: busybox:1
    `,
    expected: [],
  },
  {
    name: 'reports containers and sidecars without a liveness probe',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        initContainers:
          - name: proxy
            image: proxy:1
            restartPolicy: Always
        containers:
          - name: web
            image: web:1
            readinessProbe:
              httpGet:
                path: /ready
                port: 8080
    `,
    expected: [
      { line: 7, column: 7, container: 'proxy', message: 'Init container "proxy" has no livenessProbe' },
      {
        line: 11,
        column: 7,
        container: 'web',
        message: 'Container "web" has no livenessProbe: if its process hangs',
      },
    ],
  },
  {
    name: 'skips Jobs, CronJobs and Pods that run to completion',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 2 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - name: job
                    image: job:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        restartPolicy: Never
        containers:
          - name: once
            image: once:1
    `,
    expected: [],
  },
];

describe('liveness-probe-missing', () => {
  testRuleCases(rule, cases);
});
