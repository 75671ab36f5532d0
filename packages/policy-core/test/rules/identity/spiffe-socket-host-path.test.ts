import rule from '../../../src/rules/identity/spiffe-socket-host-path.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with the SPIFFE CSI volume and with unrelated hostPaths',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
        namespace: shop
      spec:
        containers:
          - name: app
            image: app
            env:
              - name: SPIFFE_ENDPOINT_SOCKET
                value: unix:///spiffe-workload-api/spire-agent.sock
            volumeMounts:
              - name: spiffe
                mountPath: /spiffe-workload-api
                readOnly: true
              - name: logs
                mountPath: /var/log/app
        volumes:
          - name: spiffe
            csi:
              driver: csi.spiffe.io
              readOnly: true
          - name: logs
            hostPath:
              path: /var/log
    `,
    expected: [],
  },
  {
    name: 'reports hostPaths to the SPIRE socket directories, one finding per volume, at the path',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: web
                image: web
            volumes:
              - name: spire-agent-socket
                hostPath:
                  path: /run/spire/sockets
                  type: Directory
              - name: legacy
                hostPath:
                  path: /var/run/spire/
              - name: default-dir
                hostPath:
                  path: /tmp/spire-agent/public
              - name: istio
                hostPath:
                  path: /run/secrets/workload-spiffe-uds
              - name: dotted
                hostPath:
                  path: /run/app/../spire/./sockets
    `,
    expected: [
      {
        line: 15,
        column: 13,
        severity: 'medium',
        message:
          'Volume "spire-agent-socket" mounts the SPIFFE Workload API socket directory "/run/spire/sockets" from the node with hostPath: use a read-only csi.spiffe.io volume',
      },
      { line: 19, column: 13, message: '"/var/run/spire/"' },
      { line: 22, column: 13, message: '"/tmp/spire-agent/public"' },
      { line: 25, column: 13, message: '"/run/secrets/workload-spiffe-uds"' },
      { line: 28, column: 13, message: '"/run/app/../spire/./sockets"' },
    ],
  },
  {
    name: 'escalates the agent admin socket directory to high',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: admin
        namespace: tenant-a
      spec:
        containers:
          - name: app
            image: app
        volumes:
          - name: admin
            hostPath:
              path: /tmp/spire-agent/private
    `,
    expected: [{ line: 13, severity: 'high', message: 'mounts the SPIRE agent admin socket directory' }],
  },
  {
    name: 'recognises other host paths by the mount point or SPIFFE_ENDPOINT_SOCKET',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: custom
      spec:
        containers:
          - name: app
            image: app
            env:
              - name: SPIFFE_ENDPOINT_SOCKET
                value: unix:///sockets/agent.sock
            volumeMounts:
              - name: by-env
                mountPath: /sockets
              - name: by-mount
                mountPath: /spiffe-workload-api/
        volumes:
          - name: by-env
            hostPath:
              path: /opt/agent
          - name: by-mount
            hostPath:
              path: /opt/other
    `,
    expected: [
      {
        line: 20,
        column: 9,
        message:
          'from the node with hostPath where container "app" expects the Workload API socket (SPIFFE_ENDPOINT_SOCKET=unix:///sockets/agent.sock)',
      },
      { line: 23, column: 9, message: 'with hostPath mounted at "/spiffe-workload-api/" in container "app"' },
    ],
  },
  {
    name: 'exempts SPIRE components: platform namespaces (default and configured) and SPIRE images',
    settings: { systemNamespaces: ['identity'] },
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: spire-agent
        namespace: spire-system
      spec:
        template:
          spec:
            containers:
              - name: agent
                image: ghcr.io/spiffe/spire-agent:1.9.0
            volumes:
              - name: sockets
                hostPath:
                  path: /run/spire/agent-sockets
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: spiffe-csi-driver
        namespace: security
      spec:
        template:
          spec:
            containers:
              - name: driver
                image: ghcr.io/spiffe/spiffe-csi-driver:0.2.6
            volumes:
              - name: sockets
                hostPath:
                  path: /run/spire/agent-sockets
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: helper
        namespace: identity
      spec:
        containers:
          - name: app
            image: app
        volumes:
          - name: sockets
            hostPath:
              path: /run/spire/sockets
    `,
    expected: [],
  },
];

describe('spiffe-socket-host-path', () => {
  testRuleCases(rule, cases);
});
