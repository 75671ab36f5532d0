import rule from '../../../src/rules/hardening/writable-host-path.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for read-only hostPath mounts, recursive where the tree has nested mounts, and other volumes',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts:
              - name: logs
                mountPath: /host/logs
                readOnly: true
              - name: kubelet
                mountPath: /host/kubelet
                readOnly: true
                recursiveReadOnly: IfPossible
              - name: data
                mountPath: /data
        volumes:
          - name: logs
            hostPath: {path: /var/log}
          - name: kubelet
            hostPath: {path: /var/lib/kubelet}
          - name: data
            emptyDir: {}
    `,
    expected: [],
  },
  {
    name: 'reports each writable mount of a hostPath volume, at the mount',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: rw
      spec:
        initContainers:
          - name: init
            image: busybox
            volumeMounts:
              - name: sock
                mountPath: /var/run/docker.sock
        containers:
          - name: app
            image: nginx
            volumeMounts:
              - name: data
                mountPath: /data
                readOnly: false
              - name: sock
                mountPath: /sock
                readOnly: true
        volumes:
          - name: sock
            hostPath:
              path: /var/run/docker.sock
          - name: data
            hostPath:
              path: /srv/data
    `,
    expected: [
      {
        line: 10,
        column: 11,
        container: 'init',
        severity: 'high',
        message:
          'Init container "init" mounts hostPath volume "sock" (host path "/var/run/docker.sock") at /var/run/docker.sock read-write: a compromised process can change node files; set readOnly: true.',
      },
      {
        line: 16,
        column: 11,
        container: 'app',
        message: 'hostPath volume "data" (host path "/srv/data") at /data read-write',
      },
    ],
  },
  {
    name: 'mentions recursiveReadOnly for writable trees with nested mounts',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        template:
          spec:
            containers:
              - name: agent
                image: agent
                volumeMounts:
                  - {name: root, mountPath: /host}
            volumes:
              - name: root
                hostPath: {path: //}
    `,
    expected: [
      {
        line: 12,
        column: 16,
        container: 'agent',
        severity: 'high',
        message:
          'set readOnly: true and recursiveReadOnly: IfPossible (or Enabled), since the directory has nested mounts.',
      },
    ],
  },
  {
    name: 'reports read-only but non-recursive mounts of trees with nested mounts as medium, unless propagated',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ro
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts:
              - name: kubelet
                mountPath: /host/kubelet
                readOnly: true
              - name: run
                mountPath: /host/run
                readOnly: true
                recursiveReadOnly: Disabled
              - name: etc
                mountPath: /host/etc
                readOnly: true
              - name: run
                mountPath: /host/run-propagated
                readOnly: true
                mountPropagation: HostToContainer
        volumes:
          - name: kubelet
            hostPath: {path: /var/lib/kubelet}
          - name: run
            hostPath: {path: /run}
          - name: etc
            hostPath: {path: /etc}
    `,
    expected: [
      {
        line: 10,
        column: 11,
        container: 'app',
        severity: 'medium',
        message:
          'mounts hostPath volume "kubelet" (host path "/var/lib/kubelet") at /host/kubelet read-only but not recursively',
      },
      { line: 16, column: 11, container: 'app', severity: 'medium', message: 'hostPath volume "run"' },
    ],
  },
  {
    name: 'does not suggest recursiveReadOnly for propagated mounts',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: csi
      spec:
        template:
          spec:
            containers:
              - name: driver
                image: csi
                volumeMounts:
                  - name: kubelet
                    mountPath: /var/lib/kubelet
                    mountPropagation: Bidirectional
            volumes:
              - name: kubelet
                hostPath: {path: /var/lib/kubelet}
    `,
    expected: [
      {
        line: 12,
        column: 15,
        container: 'driver',
        severity: 'high',
        message:
          'Container "driver" mounts hostPath volume "kubelet" (host path "/var/lib/kubelet") at /var/lib/kubelet read-write: a compromised process can change node files; set readOnly: true.',
      },
    ],
  },
  {
    name: 'skips templated readOnly values and mounts of unknown volumes',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: skip
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts:
              - name: host
                mountPath: /host
                readOnly: "\${READ_ONLY}"
              - name: missing
                mountPath: /missing
        volumes:
          - name: host
            hostPath: {path: /srv}
    `,
    expected: [],
  },
  {
    name: 'checks ephemeral containers and CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: job
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                  - name: job
                    image: busybox
                ephemeralContainers:
                  - name: debug
                    image: busybox
                    volumeMounts:
                      - name: logs
                        mountPath: /logs
                volumes:
                  - name: logs
                    hostPath: {path: /var/log}
    `,
    expected: [
      {
        line: 18,
        column: 19,
        container: 'debug',
        message: 'Ephemeral container "debug" mounts hostPath volume "logs"',
      },
    ],
  },
];

describe('writable-host-path', () => {
  testRuleCases(rule, cases);
});
