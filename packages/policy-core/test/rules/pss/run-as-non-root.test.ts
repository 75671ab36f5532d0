import rule from '../../../src/rules/pss/run-as-non-root.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const USERNS = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: userns
  spec:
    hostUsers: false
    securityContext:
      runAsNonRoot: false
    containers:
      - name: app
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes when the pod sets true and containers inherit it (no false positives)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
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
              runAsNonRoot: true
        ephemeralContainers:
          - name: debug
            image: busybox
    `,
    expected: [],
  },
  {
    name: 'passes when every container sets true without a pod-level value',
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
              runAsNonRoot: true
    `,
    expected: [],
  },
  {
    name: 'reports each container without a value when the pod sets none, where the field belongs',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: unset
      spec:
        initContainers:
          - name: init
            image: busybox
            securityContext:
              runAsUser: 1000
        containers:
          - name: app
            image: nginx
            securityContext:
              runAsNonRoot: true
        ephemeralContainers:
          - name: debug
            image: busybox
    `,
    expected: [
      {
        line: 9,
        column: 7,
        container: 'init',
        message: 'Init container "init" does not set runAsNonRoot: true, and neither does the pod',
      },
      { line: 17, column: 7, container: 'debug', message: 'Ephemeral container "debug"' },
    ],
  },
  {
    name: 'an explicit pod-level false fails even when every container sets true',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-false
      spec:
        securityContext:
          runAsNonRoot: false
        containers:
          - name: app
            image: nginx
            securityContext:
              runAsNonRoot: true
    `,
    expected: [{ line: 7, column: 5, message: 'The pod sets runAsNonRoot to false; it must be true' }],
  },
  {
    name: 'a pod-level false is reported once, naming the containers that inherit it',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-false
      spec:
        securityContext:
          runAsNonRoot: false
        containers:
          - name: a
            image: nginx
          - name: b
            image: nginx
    `,
    expected: [{ line: 7, message: '(inherited by containers "a", "b")' }],
  },
  {
    name: 'an explicit container-level false fails even when the pod sets true',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            securityContext:
              runAsNonRoot: true
            containers:
              - name: web
                image: nginx
                securityContext:
                  runAsNonRoot: false
    `,
    expected: [
      { line: 14, column: 13, container: 'web', message: 'Container "web" sets runAsNonRoot to false' },
    ],
  },
  {
    name: 'hostUsers: false does not relax the check before v1.35',
    version: 34,
    yaml: USERNS,
    expected: [{ line: 8 }],
  },
  { name: 'hostUsers: false relaxes the check from v1.35', version: 35, yaml: USERNS, expected: [] },
  {
    name: 'applies at policy v1.0 to CronJob templates',
    version: 0,
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: job
      spec:
        schedule: "@hourly"
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

describe('run-as-non-root', () => {
  testRuleCases(rule, cases);
});
