import rule from '../../../src/rules/pss/host-probes-lifecycle.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const PROBE_HOST = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: probe
  spec:
    containers:
      - name: app
        image: nginx
        livenessProbe:
          httpGet:
            host: 169.254.169.254
            path: /latest/meta-data/
            port: 80
`;

const cases: RuleCase[] = [
  {
    name: 'passes with probes and hooks that target the pod',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
            livenessProbe:
              httpGet:
                path: /healthz
                port: 8080
            readinessProbe:
              tcpSocket:
                port: 8080
                host: ""
            lifecycle:
              preStop:
                exec:
                  command: [sleep, "5"]
    `,
    expected: [],
  },
  { name: 'does not apply before policy v1.34', version: 33, yaml: PROBE_HOST, expected: [] },
  {
    name: 'applies from policy v1.34',
    version: 34,
    yaml: PROBE_HOST,
    expected: [
      {
        line: 11,
        column: 11,
        container: 'app',
        message: 'Container "app" liveness probe sets httpGet.host to "169.254.169.254"',
      },
    ],
  },
  {
    name: 'reports every probe and hook host, in every container list',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: hosts
      spec:
        initContainers:
          - name: sidecar
            image: proxy
            restartPolicy: Always
            readinessProbe:
              tcpSocket:
                host: 10.0.0.1
                port: 8080
            startupProbe:
              httpGet:
                host: localhost
                port: 8080
        containers:
          - name: app
            image: nginx
            lifecycle:
              postStart:
                httpGet:
                  host: internal.example
                  port: 80
              preStop:
                tcpSocket:
                  host: ::1
                  port: 80
        ephemeralContainers:
          - name: debug
            image: busybox
            livenessProbe:
              tcpSocket: {host: 8.8.8.8, port: 53}
    `,
    expected: [
      {
        line: 12,
        column: 11,
        container: 'sidecar',
        message: 'Init container "sidecar" readiness probe sets tcpSocket.host to "10.0.0.1"',
      },
      {
        line: 16,
        column: 11,
        container: 'sidecar',
        message: 'startup probe sets httpGet.host to "localhost"',
      },
      { line: 24, column: 13, container: 'app', message: 'postStart hook sets httpGet.host' },
      { line: 28, column: 13, container: 'app', message: 'preStop hook sets tcpSocket.host to "::1"' },
      { line: 34, container: 'debug', message: 'Ephemeral container "debug" liveness probe' },
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
                readinessProbe:
                  httpGet:
                    host: 127.0.0.1
                    port: 5432
    `,
    expected: [{ line: 13, column: 15, container: 'db' }],
  },
];

describe('host-probes-lifecycle', () => {
  testRuleCases(rule, cases);
});
