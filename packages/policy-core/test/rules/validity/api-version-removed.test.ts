import rule from '../../../src/rules/validity/api-version-removed.js';
import deprecatedConfigApi from '../../../src/rules/control-plane/deprecated-config-api.js';
import {
  DEPRECATED_APIS,
  LATEST_RELEASED_MINOR,
  findDeprecatedApi,
  replacementFor,
} from '../../../src/rules/validity/api-versions.js';
import { runRule, runRules, testRuleCases, yaml, type RuleCase } from '../harness.js';

/** A minimal object of one apiVersion and kind. */
const object = (apiVersion: string, kind: string, name = 'x') => yaml`
  apiVersion: ${apiVersion}
  kind: ${kind}
  metadata:
    name: ${name}
`;
/** Several such objects, one per document: document i starts at line 5 * i + 1. */
const docs = (...objects: [string, string, string?][]) =>
  objects.map(([apiVersion, kind, name]) => object(apiVersion, kind, name).trimEnd()).join('\n---\n');
const target = (minor: number, major = 1) => ({ kubernetesVersion: { major, minor } });

const CURRENT: [string, string][] = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'DaemonSet'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['batch/v1', 'CronJob'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['autoscaling/v1', 'HorizontalPodAutoscaler'],
  ['flowcontrol.apiserver.k8s.io/v1', 'FlowSchema'],
  ['flowcontrol.apiserver.k8s.io/v1', 'PriorityLevelConfiguration'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
  ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['resource.k8s.io/v1', 'ResourceClaim'],
  ['v1', 'Service'],
];

const cases: RuleCase[] = [
  {
    name: 'passes every current stable version, with no target set',
    yaml: docs(...CURRENT),
    expected: [],
  },
  {
    name: 'passes every current stable version on the newest targets',
    settings: target(LATEST_RELEASED_MINOR),
    yaml: docs(...CURRENT),
    expected: [],
  },
  {
    name: 'ignores kinds the guide does not list and look-alike custom resources',
    yaml: docs(
      ['apps/v1beta2', 'ControllerRevision'],
      ['example.com/v1beta1', 'Ingress'],
      ['extensions/v1', 'Deployment'],
    ),
    expected: [],
  },
  {
    name: 'unknown target: reports versions a released Kubernetes removed (high), with the replacement and field changes',
    yaml: docs(
      ['extensions/v1beta1', 'Deployment', 'web'],
      ['policy/v1beta1', 'PodSecurityPolicy', 'restricted'],
      ['networking.k8s.io/v1beta1', 'Ingress', 'shop'],
    ),
    expected: [
      {
        line: 1,
        column: 1,
        severity: 'high',
        message:
          'Deployment "web" uses apiVersion extensions/v1beta1, which Kubernetes 1.16 removed; use apps/v1 ' +
          '(`spec.selector` is required and immutable: copy the template labels; `spec.rollbackTo` is removed;',
      },
      {
        line: 6,
        column: 1,
        severity: 'high',
        message:
          'PodSecurityPolicy "restricted" uses apiVersion policy/v1beta1, which Kubernetes 1.25 removed; ' +
          'PodSecurityPolicy was removed entirely in Kubernetes 1.25 with no replacement API: enforce',
      },
      {
        line: 11,
        column: 1,
        severity: 'high',
        message:
          'which Kubernetes 1.22 removed; use networking.k8s.io/v1 (`spec.backend` is `spec.defaultBackend`, ' +
          "a backend's `serviceName` is `service.name`",
      },
    ],
  },
  {
    name: 'unknown target: a version deprecated in a release but removed only later is medium',
    yaml: docs(
      ['resource.k8s.io/v1beta1', 'ResourceClaim', 'gpu'],
      ['resource.k8s.io/v1beta2', 'ResourceSlice', 'node-1'],
    ),
    expected: [
      {
        line: 1,
        severity: 'medium',
        message:
          'ResourceClaim "gpu" uses apiVersion resource.k8s.io/v1beta1, deprecated since Kubernetes 1.35 and removed ' +
          "in 1.38; use resource.k8s.io/v1 (each device request's `deviceClassName`, `selectors`, `allocationMode`, " +
          '`count` and `adminAccess` move under `exactly`; the beta DRA versions are served only when enabled with ' +
          '`--runtime-config`).',
      },
      {
        line: 6,
        severity: 'medium',
        message:
          'deprecated since Kubernetes 1.36 and removed in 1.39; use resource.k8s.io/v1 (the beta DRA versions',
      },
    ],
  },
  {
    name: 'target between the deprecation and the removal: medium, with the release that removes it',
    settings: target(24),
    yaml: object('batch/v1beta1', 'CronJob', 'nightly'),
    expected: [
      {
        line: 1,
        column: 1,
        severity: 'medium',
        message:
          'CronJob "nightly" uses apiVersion batch/v1beta1, deprecated since Kubernetes 1.21 and removed in 1.25; ' +
          'use batch/v1.',
      },
    ],
  },
  {
    name: 'target before the deprecation: nothing',
    settings: target(20),
    yaml: docs(['batch/v1beta1', 'CronJob'], ['policy/v1beta1', 'PodDisruptionBudget'], ['v1', 'Endpoints']),
    expected: [],
  },
  {
    name: 'target at the removal release: high',
    settings: target(25),
    yaml: docs(['batch/v1beta1', 'CronJob', 'nightly'], ['policy/v1beta1', 'PodDisruptionBudget', 'web']),
    expected: [
      { line: 1, severity: 'high', message: 'which Kubernetes 1.25 removed; use batch/v1.' },
      {
        line: 6,
        severity: 'high',
        message: 'use policy/v1 (an empty `spec.selector: {}` now selects every pod in the namespace',
      },
    ],
  },
  {
    name: 'a major version above 1 is newer than every removal',
    settings: target(0, 2),
    yaml: object('batch/v1beta1', 'CronJob'),
    expected: [{ line: 1, severity: 'high', message: 'which Kubernetes 1.25 removed' }],
  },
  {
    name: 'suggests the replacement the target serves: networking.k8s.io/v1beta1 and policy/v1beta1 on 1.18',
    settings: target(18),
    yaml: docs(['extensions/v1beta1', 'Ingress', 'web'], ['extensions/v1beta1', 'PodSecurityPolicy', 'psp']),
    expected: [
      {
        line: 1,
        severity: 'medium',
        message:
          'Ingress "web" uses apiVersion extensions/v1beta1, deprecated since Kubernetes 1.14 and removed in 1.22; ' +
          'use networking.k8s.io/v1beta1.',
      },
      { line: 6, severity: 'high', message: 'which Kubernetes 1.16 removed; use policy/v1beta1.' },
    ],
  },
  {
    name: 'HPA autoscaling/v2beta1 on 1.22 moves to autoscaling/v2beta2 (v2 is served from 1.23)',
    settings: target(22),
    yaml: docs(
      ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'web'],
      ['autoscaling/v2beta2', 'HorizontalPodAutoscaler'],
    ),
    expected: [
      {
        line: 1,
        severity: 'medium',
        message: 'removed in 1.25; use autoscaling/v2beta2 (metric targets become `target: {type,',
      },
    ],
  },
  {
    name: 'flowcontrol with no target: every beta and the alpha are removed (high), v1 is the replacement',
    yaml: docs(
      ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'tenants'],
      ['flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration', 'tenants'],
      ['flowcontrol.apiserver.k8s.io/v1alpha1', 'FlowSchema', 'old'],
    ),
    expected: [
      {
        line: 1,
        column: 1,
        severity: 'high',
        message:
          'FlowSchema "tenants" uses apiVersion flowcontrol.apiserver.k8s.io/v1beta3, which Kubernetes 1.32 removed; ' +
          'use flowcontrol.apiserver.k8s.io/v1.',
      },
      {
        line: 6,
        severity: 'high',
        message:
          'which Kubernetes 1.26 removed; use flowcontrol.apiserver.k8s.io/v1 (PriorityLevelConfiguration ' +
          '`spec.limited.assuredConcurrencyShares` is renamed `nominalConcurrencyShares`, and an explicit ' +
          '`nominalConcurrencyShares: 0` is no longer defaulted to 30).',
      },
      {
        line: 11,
        severity: 'high',
        message: 'which Kubernetes 1.21 removed; use flowcontrol.apiserver.k8s.io/v1.',
      },
    ],
  },
  {
    name: 'flowcontrol on 1.28: v1beta1 removed (high), v1beta2 deprecated (medium), v1beta3 current (none)',
    settings: target(28),
    yaml: docs(
      ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema'],
      ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration'],
      ['flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration'],
    ),
    expected: [
      {
        line: 1,
        severity: 'high',
        message: 'which Kubernetes 1.26 removed; use flowcontrol.apiserver.k8s.io/v1beta3.',
      },
      {
        line: 6,
        severity: 'medium',
        message:
          'deprecated since Kubernetes 1.26 and removed in 1.29; use flowcontrol.apiserver.k8s.io/v1beta3 ' +
          '(PriorityLevelConfiguration `spec.limited.assuredConcurrencyShares` is renamed `nominalConcurrencyShares`).',
      },
    ],
  },
  {
    name: 'flowcontrol v1beta3 on 1.31: deprecated (medium), v1 is available',
    settings: target(31),
    yaml: docs(['flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'tenants']),
    expected: [
      {
        line: 1,
        severity: 'medium',
        message:
          'removed in 1.32; use flowcontrol.apiserver.k8s.io/v1 (in PriorityLevelConfiguration an explicit ' +
          '`nominalConcurrencyShares: 0` is no longer defaulted to 30).',
      },
    ],
  },
  {
    name: 'v1 Endpoints: deprecated with no removal date (low) from 1.33 and with no target',
    yaml: object('v1', 'Endpoints', 'external'),
    expected: [
      {
        line: 1,
        severity: 'low',
        message:
          'Endpoints "external" uses apiVersion v1, deprecated since Kubernetes 1.33 (no removal is scheduled); use ' +
          'discovery.k8s.io/v1 EndpointSlice (a Service has any number of EndpointSlices',
      },
    ],
  },
  {
    name: 'v1 Endpoints before 1.33: nothing',
    settings: target(32),
    yaml: object('v1', 'Endpoints', 'external'),
    expected: [],
  },
  {
    name: 'DRA betas by target: nothing before the deprecation, medium while served, high once removed',
    settings: target(38),
    yaml: docs(
      ['resource.k8s.io/v1beta1', 'ResourceSlice', 'node'],
      ['resource.k8s.io/v1beta2', 'DeviceClass', 'gpu'],
    ),
    expected: [
      {
        line: 1,
        severity: 'high',
        message:
          'which Kubernetes 1.38 removed; use resource.k8s.io/v1 (devices drop the `basic` wrapper: `attributes` and ' +
          '`capacity` sit directly on each device; the beta DRA versions',
      },
      {
        line: 6,
        severity: 'medium',
        message:
          'DeviceClass "gpu" uses apiVersion resource.k8s.io/v1beta2, deprecated since Kubernetes 1.36',
      },
    ],
  },
  {
    name: 'DRA betas on 1.34: not yet deprecated',
    settings: target(34),
    yaml: docs(
      ['resource.k8s.io/v1beta1', 'ResourceClaim'],
      ['resource.k8s.io/v1beta2', 'ResourceClaimTemplate'],
    ),
    expected: [],
  },
  {
    name: 'checks every item of a List, at the item apiVersion',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: rbac.authorization.k8s.io/v1beta1
          kind: Role
          metadata:
            name: reader
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
        - kind: CronJob
          apiVersion: batch/v1beta1
          metadata:
            name: nightly
    `,
    expected: [
      {
        line: 4,
        column: 5,
        severity: 'high',
        message:
          'Role "reader" uses apiVersion rbac.authorization.k8s.io/v1beta1, which Kubernetes 1.22 removed; use ' +
          'rbac.authorization.k8s.io/v1.',
      },
      { line: 13, column: 5, severity: 'high', message: 'CronJob "nightly" uses apiVersion batch/v1beta1' },
    ],
  },
  {
    name: 'names an unnamed object by its kind',
    yaml: yaml`
      apiVersion: scheduling.k8s.io/v1beta1
      kind: PriorityClass
      value: 1000
    `,
    expected: [
      { line: 1, message: 'PriorityClass uses apiVersion scheduling.k8s.io/v1beta1, which Kubernetes 1.22' },
    ],
  },
];

describe('api-version-removed', () => {
  testRuleCases(rule, cases);

  it('offers an apiVersion fix only for a pure swap, with the path from the document root', () => {
    const findings = runRule(
      rule,
      yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: rbac.authorization.k8s.io/v1beta1
            kind: ClusterRoleBinding
            metadata:
              name: admins
          - apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: web
        ---
        apiVersion: networking.k8s.io/v1beta1
        kind: IngressClass
        metadata:
          name: nginx
        ---
        apiVersion: v1
        kind: Endpoints
        metadata:
          name: external
      `,
    );
    expect(findings.map((f) => [f.line, f.fix])).toEqual([
      [
        4,
        {
          description: 'Set apiVersion to rbac.authorization.k8s.io/v1',
          replacement: '  - apiVersion: rbac.authorization.k8s.io/v1',
          set: { path: ['items', 0, 'apiVersion'], value: 'rbac.authorization.k8s.io/v1' },
        },
      ],
      [8, undefined],
      [
        13,
        {
          description: 'Set apiVersion to networking.k8s.io/v1',
          replacement: 'apiVersion: networking.k8s.io/v1',
          set: { path: ['apiVersion'], value: 'networking.k8s.io/v1' },
        },
      ],
      [18, undefined],
    ]);
    expect(rule.meta.fixable).toBe(true);
  });

  it('reports a flowcontrol object once, from this rule only (deprecated-config-api checks kubeadm only)', () => {
    const result = runRules(
      [rule, deprecatedConfigApi],
      object('flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration'),
    );
    expect(result.findings.map((f) => [f.ruleId, f.line, f.severity])).toEqual([
      ['api-version-removed', 1, 'high'],
    ]);
  });
});

describe('the deprecated API table', () => {
  it('has one entry per apiVersion and kind, each with a replacement or advice', () => {
    const keys = DEPRECATED_APIS.map((e) => `${e.apiVersion} ${e.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of DEPRECATED_APIS) {
      expect(entry.replacements.length > 0 || entry.noReplacement !== undefined).toBe(true);
      if (entry.removedIn !== undefined) expect(entry.deprecatedIn).toBeLessThan(entry.removedIn);
      expect(entry.reference).toMatch(/^https:\/\/kubernetes\.io\//);
      for (const replacement of entry.replacements) {
        expect(replacement.apiVersion).not.toBe(entry.apiVersion);
        if (replacement.until !== undefined) expect(replacement.since).toBeLessThan(replacement.until);
      }
    }
  });

  it('serves a replacement on every release from the deprecation on, except for PodSecurityPolicy', () => {
    for (const entry of DEPRECATED_APIS) {
      const last = Math.max(entry.removedIn ?? LATEST_RELEASED_MINOR, LATEST_RELEASED_MINOR);
      for (let minor = entry.deprecatedIn; minor <= last; minor++) {
        const served = replacementFor(entry, minor) !== undefined;
        // PodSecurityPolicy has no replacement API (policy/v1beta1 served the extensions one until 1.25).
        if (!served)
          expect([entry.kind, entry.noReplacement !== undefined]).toEqual(['PodSecurityPolicy', true]);
      }
    }
  });

  it('covers every entry of the migration guide named in the brief', () => {
    const guide: [string, string, number][] = [
      ['extensions/v1beta1', 'DaemonSet', 16],
      ['apps/v1beta1', 'StatefulSet', 16],
      ['apps/v1beta2', 'ReplicaSet', 16],
      ['extensions/v1beta1', 'NetworkPolicy', 16],
      ['admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', 22],
      ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 22],
      ['apiregistration.k8s.io/v1beta1', 'APIService', 22],
      ['authentication.k8s.io/v1beta1', 'TokenReview', 22],
      ['authorization.k8s.io/v1beta1', 'SelfSubjectAccessReview', 22],
      ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', 22],
      ['coordination.k8s.io/v1beta1', 'Lease', 22],
      ['networking.k8s.io/v1beta1', 'IngressClass', 22],
      ['rbac.authorization.k8s.io/v1beta1', 'RoleBinding', 22],
      ['scheduling.k8s.io/v1beta1', 'PriorityClass', 22],
      ['storage.k8s.io/v1beta1', 'VolumeAttachment', 22],
      ['discovery.k8s.io/v1beta1', 'EndpointSlice', 25],
      ['events.k8s.io/v1beta1', 'Event', 25],
      ['node.k8s.io/v1beta1', 'RuntimeClass', 25],
      ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', 26],
      ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', 27],
      ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 29],
    ];
    expect(guide.map(([apiVersion, kind]) => findDeprecatedApi(apiVersion, kind)?.removedIn)).toEqual(
      guide.map(([, , removedIn]) => removedIn),
    );
  });
});
