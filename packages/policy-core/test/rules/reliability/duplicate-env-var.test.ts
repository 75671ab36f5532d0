import rule from '../../../src/rules/reliability/duplicate-env-var.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with unique names per container (the same name in two containers or in envFrom is fine)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: a
            image: a:1
            envFrom:
              - configMapRef:
                  name: config
            env:
              - name: LOG_LEVEL
                value: info
          - name: b
            image: b:1
            env:
              - name: LOG_LEVEL
                value: debug
    `,
    expected: [],
  },
  {
    name: 'reports every repeated entry at its name, in all container types',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: init:1
                env:
                  - name: DB_HOST
                    value: db
                  - name: DB_HOST
                    valueFrom:
                      configMapKeyRef:
                        name: db
                        key: host
            containers:
              - name: web
                image: web:1
                env:
                  - name: LOG_LEVEL
                    value: info
                  - name: PORT
                    value: "8080"
                  - name: LOG_LEVEL
                    value: debug
                  - name: LOG_LEVEL
                    value: warn
            ephemeralContainers:
              - name: debug
                image: busybox:1
                env:
                  - {name: X, value: "1"}
                  - {name: X, value: "2"}
    `,
    expected: [
      {
        line: 14,
        column: 15,
        container: 'init',
        message: 'Init container "init" defines env var "DB_HOST" again at env[1] (first at env[0])',
      },
      { line: 27, column: 15, container: 'web', message: '"LOG_LEVEL" again at env[2] (first at env[0])' },
      { line: 29, column: 15, container: 'web', message: '"LOG_LEVEL" again at env[3] (first at env[0])' },
      {
        line: 36,
        container: 'debug',
        message: 'Ephemeral container "debug" defines env var "X" again at env[1]',
      },
    ],
  },
  {
    name: 'skips templated names',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: t
      spec:
        containers:
          - name: a
            image: a:1
            env:
              - name: \${VAR}
                value: "1"
              - name: \${VAR}
                value: "2"
    `,
    expected: [],
  },
];

describe('duplicate-env-var', () => {
  testRuleCases(rule, cases);
});
