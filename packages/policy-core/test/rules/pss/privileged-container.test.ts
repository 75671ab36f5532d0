import rule from '../../../src/rules/pss/privileged-container.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when privileged is unset or false',
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
              privileged: false
    `,
    expected: [],
  },
  {
    name: 'reports privileged containers in every container list',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: priv
      spec:
        initContainers:
          - name: init
            image: busybox
            securityContext:
              privileged: true
        containers:
          - name: app
            image: nginx
            securityContext:
              privileged: true
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              privileged: true
    `,
    expected: [
      { line: 10, column: 9, container: 'init' },
      { line: 15, column: 9, container: 'app', message: 'Container "app" runs privileged' },
      { line: 20, column: 9, container: 'debug' },
    ],
  },
  {
    name: 'checks StatefulSet templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            containers:
              - name: db
                image: postgres
                securityContext: {privileged: true}
    `,
    expected: [{ line: 11, container: 'db' }],
  },
];

describe('privileged-container', () => {
  testRuleCases(rule, cases);
});
