import rule from '../../../src/rules/reliability/probe-port-unknown.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with declared port names and with numeric ports (declared or not)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: web
            image: web:1
            ports:
              - name: http
                containerPort: 8080
            readinessProbe:
              httpGet:
                path: /ready
                port: http
            livenessProbe:
              tcpSocket:
                port: 9000
            startupProbe:
              grpc:
                port: 9090
    `,
    expected: [],
  },
  {
    name: 'reports each probe whose named port the container does not declare, with its effect',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: web:1
                ports:
                  - name: http
                    containerPort: 8080
                readinessProbe:
                  httpGet:
                    path: /ready
                    port: metrics
                livenessProbe:
                  tcpSocket:
                    port: htpp
                startupProbe:
                  httpGet:
                    path: /started
                    port: admin
    `,
    expected: [
      {
        line: 17,
        column: 15,
        container: 'web',
        message:
          'Container "web" readinessProbe uses port "metrics", which the container does not declare: the probe never succeeds',
      },
      {
        line: 20,
        column: 15,
        message: 'livenessProbe uses port "htpp", which the container does not declare: the probe errors',
      },
      {
        line: 24,
        column: 15,
        message:
          'startupProbe uses port "admin", which the container does not declare: the container is never marked started',
      },
    ],
  },
  {
    name: 'named ports resolve only against the probed container',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: two
      spec:
        initContainers:
          - name: proxy
            image: proxy:1
            restartPolicy: Always
            readinessProbe:
              httpGet:
                path: /ready
                port: http
        containers:
          - name: web
            image: web:1
            ports:
              - name: http
                containerPort: 8080
    `,
    expected: [
      {
        line: 13,
        container: 'proxy',
        severity: 'medium',
        message: 'Init container "proxy" readinessProbe uses port "http"',
      },
    ],
  },
  {
    name: 'a quoted all-digit port is rejected by the API server (high)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: quoted
      spec:
        containers:
          - name: web
            image: web:1
            livenessProbe:
              httpGet:
                path: /healthz
                port: "8080"
    `,
    expected: [
      {
        line: 12,
        container: 'web',
        severity: 'high',
        message: 'uses port "8080" as a string: the API server rejects it',
      },
    ],
  },
  {
    name: 'skips templated probe ports and templated port names',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: templated
      spec:
        containers:
          - name: a
            image: a:1
            readinessProbe:
              httpGet:
                port: \${port}
          - name: b
            image: b:1
            ports:
              - name: \${name}
                containerPort: 80
            readinessProbe:
              tcpSocket:
                port: web
    `,
    expected: [],
  },
];

describe('probe-port-unknown', () => {
  testRuleCases(rule, cases);
});
