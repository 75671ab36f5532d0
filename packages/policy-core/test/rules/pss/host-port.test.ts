import rule from '../../../src/rules/pss/host-port.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with container ports only or hostPort 0',
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
              - containerPort: 9090
                hostPort: 0
    `,
    expected: [],
  },
  {
    name: 'reports each host port, in every container list',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ports
      spec:
        initContainers:
          - name: init
            image: busybox
            ports:
              - containerPort: 53
                hostPort: 53
                protocol: UDP
        containers:
          - name: app
            image: nginx
            ports:
              - containerPort: 80
                hostPort: 80
              - containerPort: 8080
              - containerPort: 443
                hostPort: 8443
        ephemeralContainers:
          - name: debug
            image: busybox
            ports: [{containerPort: 22, hostPort: 2222}]
    `,
    expected: [
      { line: 11, column: 11, container: 'init', message: 'Init container "init" uses hostPort 53' },
      { line: 18, column: 11, container: 'app', message: 'hostPort 80' },
      { line: 21, column: 11, container: 'app', message: 'hostPort 8443' },
      { line: 25, container: 'debug', message: 'hostPort 2222' },
    ],
  },
  {
    name: 'checks ReplicaSet templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx
                ports:
                  - containerPort: 80
                    hostPort: 80
    `,
    expected: [{ line: 13, column: 15, container: 'web' }],
  },
];

describe('host-port', () => {
  testRuleCases(rule, cases);
});
