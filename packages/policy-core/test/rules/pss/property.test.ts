/**
 * Property test: whatever JSON value sits in any field a Pod Security Standards rule reads, no rule throws
 * and every finding has a valid source position.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { PSS_RULES } from '../../../src/rules/pss/index.js';
import { LATEST_PSS_MINOR } from '../../../src/pss-version.js';
import {
  expectValidPositions,
  isCheckableText,
  podDocument,
  runRules,
  setIn,
  type PodKind,
  type Segment,
} from '../harness.js';

/** The Pod Security rules read the pod template's annotations: the owner object carries only a name. */
const wrap = (kind: PodKind, pod: Record<string, unknown>) =>
  podDocument(kind, pod, { owner: { name: 'fuzz' }, template: pod.metadata });

const SECURITY_CONTEXT_FIELDS: readonly Segment[][] = [
  [],
  ['privileged'],
  ['allowPrivilegeEscalation'],
  ['procMount'],
  ['runAsNonRoot'],
  ['runAsUser'],
  ['capabilities'],
  ['capabilities', 'add'],
  ['capabilities', 'add', 0],
  ['capabilities', 'drop'],
  ['capabilities', 'drop', 0],
  ['seccompProfile'],
  ['seccompProfile', 'type'],
  ['seLinuxOptions'],
  ['seLinuxOptions', 'type'],
  ['seLinuxOptions', 'user'],
  ['seLinuxOptions', 'role'],
  ['appArmorProfile'],
  ['appArmorProfile', 'type'],
  ['windowsOptions'],
  ['windowsOptions', 'hostProcess'],
  ['sysctls'],
  ['sysctls', 0],
  ['sysctls', 0, 'name'],
];

const CONTAINER_FIELDS: readonly Segment[][] = [
  [],
  ['name'],
  ['ports'],
  ['ports', 0],
  ['ports', 0, 'hostPort'],
  ...SECURITY_CONTEXT_FIELDS.map((p) => ['securityContext', ...p]),
  ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe) => [
    [probe],
    [probe, 'httpGet'],
    [probe, 'httpGet', 'host'],
    [probe, 'tcpSocket'],
    [probe, 'tcpSocket', 'host'],
  ]),
  ['lifecycle'],
  ...['postStart', 'preStop'].flatMap((hook) => [
    ['lifecycle', hook],
    ['lifecycle', hook, 'httpGet'],
    ['lifecycle', hook, 'httpGet', 'host'],
    ['lifecycle', hook, 'tcpSocket', 'host'],
  ]),
];

const ANNOTATIONS = [
  'container.apparmor.security.beta.kubernetes.io/app',
  'container.apparmor.security.beta.kubernetes.io/other',
  'seccomp.security.alpha.kubernetes.io/pod',
  'container.seccomp.security.alpha.kubernetes.io/app',
  'container.seccomp.security.alpha.kubernetes.io/init',
];

/** Paths relative to a Pod (metadata and spec). */
const TARGETS: readonly Segment[][] = [
  ['metadata'],
  ['metadata', 'annotations'],
  ...ANNOTATIONS.map((a) => ['metadata', 'annotations', a]),
  ['spec', 'hostNetwork'],
  ['spec', 'hostPID'],
  ['spec', 'hostIPC'],
  ['spec', 'hostUsers'],
  ['spec', 'os'],
  ['spec', 'os', 'name'],
  ['spec', 'volumes'],
  ['spec', 'volumes', 0],
  ['spec', 'volumes', 0, 'name'],
  ['spec', 'volumes', 0, 'hostPath'],
  ['spec', 'volumes', 0, 'hostPath', 'path'],
  ['spec', 'volumes', 1, 'nfs'],
  ...SECURITY_CONTEXT_FIELDS.map((p) => ['spec', 'securityContext', ...p]),
  ...['initContainers', 'containers', 'ephemeralContainers'].flatMap((list) => [
    ['spec', list],
    ...CONTAINER_FIELDS.map((p) => ['spec', list, 0, ...p]),
    ...CONTAINER_FIELDS.map((p) => ['spec', list, 1, ...p]),
  ]),
];

function basePod(): Record<string, unknown> {
  return {
    metadata: {
      name: 'fuzz',
      annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' },
    },
    spec: {
      hostNetwork: true,
      securityContext: {
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
        sysctls: [{ name: 'kernel.msgmax' }],
      },
      initContainers: [{ name: 'init', image: 'busybox', securityContext: { privileged: true } }],
      containers: [
        {
          name: 'app',
          image: 'nginx',
          ports: [{ containerPort: 80, hostPort: 80 }],
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] },
          },
          livenessProbe: { httpGet: { host: 'example.com', port: 80 } },
        },
      ],
      ephemeralContainers: [{ name: 'debug', image: 'busybox', securityContext: { procMount: 'Unmasked' } }],
      volumes: [{ name: 'host', hostPath: { path: '/' } }],
    },
  };
}

const mutation = fc.tuple(
  fc.constantFrom(...TARGETS),
  fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, true, false, 0, '', [], {})),
);

describe('PSS rules on arbitrary field values', () => {
  it('never throw and always report valid positions', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('Pod' as const, 'Deployment' as const, 'CronJob' as const),
        fc.integer({ min: 0, max: LATEST_PSS_MINOR }),
        (mutations, kind, pssMinor) => {
          const pod = basePod();
          for (const [path, value] of mutations) setIn(pod, path, value);
          const text = stringify(wrap(kind, pod));
          fc.pre(isCheckableText(text));
          const lines = text.split('\n').length;
          const result = runRules(PSS_RULES, text, { pssMinor });
          expect(result.inputErrors).toEqual([]);
          expect(result.resources).toHaveLength(1);
          expect(result.resources[0]!.workload).toBeDefined();
          expect(result.crashes.map((c) => `${c.ruleId}: ${c.message}`)).toEqual([]);
          expectValidPositions(result.findings, lines);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throw on arbitrary values for whole container lists and whole pod specs', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), fc.anything({ maxDepth: 3 }), (a, b) => {
        // fc.anything includes values YAML cannot carry (undefined, symbols-free but e.g. -0, big keys):
        // go through JSON first so the document is always valid.
        const json = (v: unknown) => {
          try {
            return JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
          } catch {
            return null;
          }
        };
        const pod = basePod();
        setIn(pod, ['spec', 'containers'], json(a));
        setIn(pod, ['spec', 'securityContext'], json(b));
        const text = stringify(wrap('Pod', pod));
        fc.pre(isCheckableText(text));
        const result = runRules(PSS_RULES, text);
        expect(result.inputErrors).toEqual([]);
        expect(result.resources[0]?.workload).toBeDefined();
        expect(result.crashes).toEqual([]);
        for (const finding of result.findings) expect(finding.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
