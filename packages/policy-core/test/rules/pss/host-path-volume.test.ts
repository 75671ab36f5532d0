import rule from '../../../src/rules/pss/host-path-volume.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with non-hostPath volumes',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: scratch
            emptyDir: {}
          - name: config
            configMap:
              name: app
    `,
    expected: [],
  },
  {
    name: 'reports each hostPath volume at its hostPath key',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: host
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: scratch
            emptyDir: {}
          - name: docker
            hostPath:
              path: /var/run/docker.sock
          - hostPath: {path: /}
            name: root
    `,
    expected: [
      {
        line: 13,
        column: 7,
        message: 'Volume "docker" mounts a hostPath (host path "/var/run/docker.sock")',
      },
      { line: 15, column: 7, message: 'Volume "root"' },
    ],
  },
  {
    name: 'checks Job templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: backup
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: backup
                image: busybox
            volumes:
              - name: logs
                hostPath:
                  path: /var/log
    `,
    expected: [{ line: 14, column: 11 }],
  },
];

describe('host-path-volume', () => {
  testRuleCases(rule, cases);
});
