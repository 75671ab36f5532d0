import rule from '../../../src/rules/identity/spiffe-csi-writable.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';

const writable = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: w
  spec:
    containers:
      - name: app
        image: app
        volumeMounts:
          - name: spiffe
            mountPath: /spiffe-workload-api
            readOnly: false
    volumes:
      - name: spiffe
        csi:
          driver: csi.spiffe.io
          readOnly: false
`;

const cases: RuleCase[] = [
  {
    name: 'passes when the volume and its mounts are read-only; other CSI drivers are ignored',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: app
            volumeMounts:
              - name: spiffe
                mountPath: /spiffe-workload-api
                readOnly: true
              - name: secrets
                mountPath: /secrets
        volumes:
          - name: spiffe
            csi:
              driver: csi.spiffe.io
              readOnly: true
          - name: secrets
            csi:
              driver: secrets-store.csi.k8s.io
    `,
    expected: [],
  },
  {
    name: 'reports readOnly: false on the volume (medium) and on the mount (low)',
    yaml: writable,
    expected: [
      {
        line: 12,
        column: 11,
        severity: 'low',
        container: 'app',
        message: 'Container "app" mounts SPIFFE CSI volume "spiffe" without readOnly: true',
      },
      {
        line: 17,
        column: 9,
        severity: 'medium',
        message: 'SPIFFE CSI volume "spiffe" does not set readOnly: true',
      },
    ],
  },
  {
    name: 'reports missing readOnly at the csi object and at each mount, in every container type',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            initContainers:
              - name: fetch
                image: helper
                volumeMounts:
                  - name: spiffe
                    mountPath: /spiffe-workload-api
            containers:
              - name: web
                image: web
                volumeMounts:
                  - name: spiffe
                    mountPath: /spiffe-workload-api
                    readOnly: true
            volumes:
              - name: spiffe
                csi:
                  driver: csi.spiffe.io
    `,
    expected: [
      {
        line: 12,
        column: 15,
        container: 'fetch',
        message: 'Init container "fetch" mounts SPIFFE CSI volume',
      },
      { line: 23, column: 11, message: 'SPIFFE CSI volume "spiffe" does not set readOnly: true' },
    ],
  },
];

describe('spiffe-csi-writable', () => {
  testRuleCases(rule, cases);

  it('offers readOnly: true fixes where readOnly: false is written', () => {
    const findings = runRule(rule, writable);
    expect(findings.map((f) => f.fix?.replacement)).toEqual(['        readOnly: true', '          readOnly: true']);
  });
});
