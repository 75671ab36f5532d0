import rule from '../../../src/rules/supply-chain/image-not-pinned-by-digest.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const DIGEST = 'sha256:0f3e9e5a3c0e2b6f7d7a7c1b1c0d5f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d';

const cases: RuleCase[] = [
  {
    name: 'passes digest-pinned images, with or without a tag',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: a
            image: ghcr.io/acme/app@${DIGEST}
          - name: b
            image: ghcr.io/acme/app:1.4.2@${DIGEST}
    `,
    expected: [],
  },
  {
    name: 'reports version tags, untagged and latest images',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: busybox
            containers:
              - name: db
                image: postgres:16.4
              - name: exporter
                image: quay.io/prometheuscommunity/postgres-exporter:latest
    `,
    expected: [
      {
        line: 10,
        column: 11,
        container: 'init',
        message: 'Init container "init" uses image "busybox" without a tag and no digest',
      },
      { line: 13, column: 11, container: 'db', message: 'by tag "16.4" and no digest' },
      { line: 15, container: 'exporter', message: 'by tag "latest"' },
    ],
  },
  {
    name: 'checks ephemeral containers and Job templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: migrate
                image: ghcr.io/acme/migrate@${DIGEST}
            ephemeralContainers:
              - name: debug
                image: busybox:1.36
    `,
    expected: [{ line: 14, container: 'debug', message: 'Ephemeral container "debug"' }],
  },
  {
    name: 'never judges templated images',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: t
      spec:
        containers:
          - name: app
            image: "ghcr.io/acme/app:\${TAG}"
    `,
    expected: [],
  },
];

describe('image-not-pinned-by-digest', () => {
  it('is off by default (strict profile only)', () => {
    expect(rule.meta.recommended).toBe(false);
  });
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);
});
