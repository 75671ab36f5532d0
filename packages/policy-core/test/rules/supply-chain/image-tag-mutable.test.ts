import rule from '../../../src/rules/supply-chain/image-tag-mutable.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const cases: RuleCase[] = [
  {
    name: 'passes version tags, digests and latest pinned by digest',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: tagged
            image: nginx:1.27.2
          - name: digest
            image: ghcr.io/acme/app@sha256:0f3e9e5a3c0e2b6f7d7a7c1b1c0d5f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d
          - name: latest-with-digest
            image: nginx:latest@sha256:0f3e9e5a3c0e2b6f7d7a7c1b1c0d5f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d
          - name: registry-port
            image: localhost:5000/app:2.0
    `,
    expected: [],
  },
  {
    name: 'reports an untagged image and the latest tag, on the image field',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: app
                image: nginx
              - name: sidecar
                image: ghcr.io/acme/proxy:latest
    `,
    expected: [
      {
        line: 10,
        column: 11,
        container: 'app',
        message: 'Container "app" uses image "nginx" without a tag or digest',
      },
      { line: 12, column: 11, container: 'sidecar', message: 'by the moving tag "latest"' },
    ],
  },
  {
    name: 'a registry port is not a tag',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: port
      spec:
        containers:
          - name: app
            image: registry.local:5000/team/app
    `,
    expected: [{ line: 8, message: '"registry.local:5000/team/app" without a tag' }],
  },
  {
    name: 'checks init and ephemeral containers with their own labels',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: all
      spec:
        initContainers:
          - name: setup
            image: busybox:latest
        containers:
          - name: app
            image: nginx:1.27
        ephemeralContainers:
          - name: debugger
            image: busybox
    `,
    expected: [
      { line: 8, container: 'setup', message: 'Init container "setup"' },
      { line: 14, container: 'debugger', message: 'Ephemeral container "debugger"' },
    ],
  },
  {
    name: 'checks CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - name: job
                    image: alpine
    `,
    expected: [{ line: 14, column: 15, container: 'job' }],
  },
  {
    name: 'never judges templated images or containers without an image',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: templated
      spec:
        containers:
          - name: a
            image: "\${IMAGE}"
          - name: b
            image: "{{ image }}"
          - name: c
            image: "ghcr.io/acme/app:$(TAG)"
          - name: d
          - name: e
            image: ""
    `,
    expected: [],
  },
  {
    name: 'a tag named like latest but different is accepted',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: near
      spec:
        containers:
          - name: app
            image: nginx:latest-alpine
    `,
    expected: [],
  },
  {
    name: 'checks every item of a List',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: one
          spec:
            containers:
              - name: app
                image: redis
        - apiVersion: v1
          kind: Pod
          metadata:
            name: two
          spec:
            containers:
              - name: app
                image: redis:7
    `,
    expected: [{ line: 11, column: 11 }],
  },
];

describe('image-tag-mutable', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);
});
