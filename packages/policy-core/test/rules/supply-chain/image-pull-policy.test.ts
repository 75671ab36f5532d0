import rule from '../../../src/rules/supply-chain/image-pull-policy.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const DIGEST = 'sha256:0f3e9e5a3c0e2b6f7d7a7c1b1c0d5f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d';
const MULTI = { namespaceTenancy: { 'team-a': 'multi' as const } };

const cases: RuleCase[] = [
  {
    name: 'passes Always, the defaults and pinned images outside shared namespaces',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
        namespace: shop
      spec:
        containers:
          - name: latest-always
            image: nginx:latest
            imagePullPolicy: Always
          - name: latest-default
            image: nginx
          - name: tagged-cached
            image: ghcr.io/acme/app:1.4.2
            imagePullPolicy: IfNotPresent
          - name: digest-never
            image: ghcr.io/acme/app@${DIGEST}
            imagePullPolicy: Never
    `,
    expected: [],
  },
  {
    name: 'reports IfNotPresent and Never on mutable images, on the policy field',
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
                image: ghcr.io/acme/app:latest
                imagePullPolicy: IfNotPresent
            initContainers:
              - name: init
                image: busybox
                imagePullPolicy: Never
    `,
    expected: [
      {
        line: 11,
        column: 11,
        container: 'app',
        message:
          'Container "app" sets imagePullPolicy IfNotPresent for the mutable image "ghcr.io/acme/app:latest"',
      },
      {
        line: 15,
        container: 'init',
        message: 'Init container "init" sets imagePullPolicy Never for the mutable image "busybox"',
      },
    ],
  },
  {
    name: 'in a multi-tenant namespace reports every policy that is not Always (explicit or defaulted)',
    settings: MULTI,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tenant
        namespace: team-a
      spec:
        containers:
          - name: defaulted
            image: ghcr.io/acme/app:1.4.2
          - name: explicit
            image: ghcr.io/acme/app:1.4.2
            imagePullPolicy: IfNotPresent
          - name: pinned
            image: ghcr.io/acme/app@${DIGEST}
          - name: always
            image: ghcr.io/acme/app:1.4.2
            imagePullPolicy: Always
          - name: public
            image: nginx:1.27
          - name: k8s
            image: registry.k8s.io/pause:3.10
    `,
    expected: [
      {
        line: 8,
        column: 7,
        container: 'defaulted',
        message:
          'imagePullPolicy IfNotPresent (the API server default for this image) for image "ghcr.io/acme/app:1.4.2": in multi tenancy namespace "team-a"',
      },
      { line: 12, column: 7, container: 'explicit', message: "tenants can run each other's private images" },
      { line: 13, container: 'pinned', message: 'Container "pinned" uses imagePullPolicy IfNotPresent' },
    ],
  },
  {
    name: 'a mutable image in a shared namespace gets one finding with both reasons',
    settings: { namespaceTenancy: { sandbox: 'untrusted' } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: both
        namespace: sandbox
      spec:
        containers:
          - name: app
            image: ghcr.io/acme/app
            imagePullPolicy: IfNotPresent
    `,
    expected: [
      {
        line: 10,
        message:
          'nodes keep running whatever copy they cached first, and in untrusted tenancy namespace "sandbox"',
      },
    ],
  },
  {
    name: 'reads the tenancy label of a Namespace in the scan, even when it comes later',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tenant
        namespace: team-b
      spec:
        containers:
          - name: app
            image: ghcr.io/acme/app:2.0
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team-b
        labels:
          shiftdown.dev/tenancy: multi
    `,
    expected: [{ line: 8, container: 'app', message: 'in multi tenancy namespace "team-b"' }],
  },
  {
    name: 'single-tenant namespaces and objects without a namespace are not checked for reuse',
    settings: { namespaceTenancy: { 'team-a': 'single' } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: single
        namespace: team-a
      spec:
        containers:
          - name: app
            image: ghcr.io/acme/app:1.0
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: unscoped
      spec:
        containers:
          - name: app
            image: ghcr.io/acme/app:1.0
    `,
    expected: [],
  },
  {
    name: 'Kubernetes 1.35+ kubelets re-check pull credentials: no reuse finding',
    settings: { ...MULTI, kubernetesVersion: { major: 1, minor: 35 } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tenant
        namespace: team-a
      spec:
        containers:
          - name: app
            image: ghcr.io/acme/app:1.4.2
            imagePullPolicy: IfNotPresent
          - name: stale
            image: ghcr.io/acme/app:latest
            imagePullPolicy: IfNotPresent
    `,
    expected: [{ line: 13, container: 'stale', message: 'cached first.' }],
  },
  {
    name: 'Kubernetes 1.34 still gets the reuse finding',
    settings: { ...MULTI, kubernetesVersion: { major: 1, minor: 34 } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tenant
        namespace: team-a
      spec:
        containers:
          - name: app
            image: ghcr.io/acme/app:1.4.2
            imagePullPolicy: Never
    `,
    expected: [{ line: 10, message: 'uses imagePullPolicy Never for image' }],
  },
  {
    name: 'never judges templated images or templated policies',
    settings: MULTI,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: t
        namespace: team-a
      spec:
        containers:
          - name: a
            image: "\${IMAGE}"
            imagePullPolicy: IfNotPresent
          - name: b
            image: ghcr.io/acme/app:latest
            imagePullPolicy: "{{ pull_policy }}"
    `,
    expected: [],
  },
];

describe('image-pull-policy', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);

  it('offers a fix only when the policy is written', () => {
    const findings = runRule(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: fix
          namespace: team-a
        spec:
          containers:
            - name: written
              image: nginx:latest
              imagePullPolicy: IfNotPresent
            - name: defaulted
              image: ghcr.io/acme/app:1.0
      `,
      { settings: MULTI },
    );
    expect(findings.map((f) => [f.container, f.fix?.replacement])).toEqual([
      ['written', '      imagePullPolicy: Always'],
      ['defaulted', undefined],
    ]);
  });
});
