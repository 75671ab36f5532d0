import rule from '../../../src/rules/pss/restricted-volume-types.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with every allowed volume type and a volume without a source (emptyDir by default)',
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
          - name: defaulted
          - name: scratch
            emptyDir: {}
          - name: config
            configMap: {name: app}
          - name: creds
            secret: {secretName: app}
          - name: data
            persistentVolumeClaim: {claimName: data}
          - name: info
            downwardAPI: {items: []}
          - name: token
            projected: {sources: []}
          - name: driver
            csi: {driver: secrets-store.csi.k8s.io}
          - name: eph
            ephemeral:
              volumeClaimTemplate:
                spec: {accessModes: [ReadWriteOnce]}
          - name: model
            image: {reference: registry.example/model:v1}
    `,
    expected: [],
  },
  {
    name: 'reports each restricted volume source at its key',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: volumes
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: logs
            hostPath:
              path: /var/log
          - name: share
            nfs:
              server: nfs.example
              path: /export
          - name: repo
            gitRepo:
              repository: https://example.com/repo.git
    `,
    expected: [
      {
        line: 11,
        column: 7,
        message: 'Volume "logs" uses a hostPath volume, which the restricted level does not allow',
      },
      { line: 14, column: 7, message: 'Volume "share" uses a nfs volume' },
      { line: 18, column: 7, message: 'Volume "repo" uses a gitRepo volume' },
    ],
  },
  {
    name: 'reports unrecognised volume sources, ignores null ones',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: unknown
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: future
            fancyNewVolume:
              size: 1Gi
          - name: blank
            emptyDir: {}
            hostPath: null
    `,
    expected: [{ line: 11, column: 7, message: 'unrecognised volume source "fancyNewVolume"' }],
  },
  {
    name: 'checks Job templates at policy v1.0',
    version: 0,
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: job
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: job
                image: busybox
            volumes:
              - name: disk
                awsElasticBlockStore:
                  volumeID: vol-123
    `,
    expected: [{ line: 14, column: 11, message: 'awsElasticBlockStore' }],
  },
];

describe('restricted-volume-types', () => {
  testRuleCases(rule, cases);
});
