import rule from '../../../src/rules/reliability/probes-identical.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when liveness and readiness check different things, or only one exists',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: web
            image: web:1
            readinessProbe:
              httpGet:
                path: /ready
                port: 8080
            livenessProbe:
              httpGet:
                path: /healthz
                port: 8080
          - name: tcp
            image: tcp:1
            readinessProbe:
              tcpSocket:
                port: 5432
            livenessProbe:
              exec:
                command: [pg_isready]
          - name: only-readiness
            image: x:1
            readinessProbe:
              tcpSocket:
                port: 80
    `,
    expected: [],
  },
  {
    name: 'reports the same httpGet check even with different timings and explicit defaults',
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
                readinessProbe:
                  httpGet:
                    path: /
                    port: http
                    scheme: HTTP
                  periodSeconds: 5
                livenessProbe:
                  httpGet:
                    port: http
                  failureThreshold: 10
    `,
    expected: [
      {
        line: 17,
        column: 11,
        container: 'web',
        message:
          'Container "web" uses the same check (httpGet "/" on port "http") for its livenessProbe and readinessProbe',
      },
    ],
  },
  {
    name: 'reports identical tcpSocket, grpc and exec checks',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: tcp
            image: a:1
            livenessProbe:
              tcpSocket:
                port: 6379
            readinessProbe:
              tcpSocket:
                port: 6379
          - name: grpc
            image: b:1
            livenessProbe:
              grpc:
                port: 9090
            readinessProbe:
              grpc:
                port: 9090
          - name: exec
            image: c:1
            readinessProbe:
              exec:
                command: [check]
            livenessProbe:
              exec:
                command: [check]
    `,
    expected: [
      { line: 9, container: 'tcp', message: '(tcpSocket on port 6379)' },
      { line: 17, container: 'grpc', message: '(grpc on port 9090)' },
      { line: 28, container: 'exec', message: '(exec ["check"])' },
    ],
  },
];

describe('probes-identical', () => {
  testRuleCases(rule, cases);
});
