/**
 * Property tests for the hardening rules: whatever JSON value sits in a field they read, no rule throws,
 * every finding has a valid position, and the rules that supersede Pod Security rules report at least
 * every container or volume those would.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { HARDENING_RULES } from '../../../src/rules/hardening/index.js';
import capabilitiesBeyondBaseline from '../../../src/rules/pss/capabilities-beyond-baseline.js';
import hostPathVolume from '../../../src/rules/pss/host-path-volume.js';
import dangerousCapabilities from '../../../src/rules/hardening/dangerous-capabilities.js';
import sensitiveHostPath from '../../../src/rules/hardening/sensitive-host-path.js';
import { isTemplatedText } from '../../../src/model/image.js';
import type { Finding } from '../../../src/types.js';
import {
  expectValidPositions,
  isCheckableText,
  podDocument,
  runRules,
  setIn,
  type PodKind,
  type Segment,
} from '../harness.js';

const SECURITY_CONTEXT_FIELDS: readonly Segment[][] = [
  [],
  ['privileged'],
  ['readOnlyRootFilesystem'],
  ['runAsUser'],
  ['runAsGroup'],
  ['capabilities'],
  ['capabilities', 'add'],
  ['capabilities', 'add', 0],
  ['capabilities', 'add', 1],
  ['capabilities', 'drop'],
  ['capabilities', 'drop', 0],
  ['windowsOptions'],
  ['windowsOptions', 'hostProcess'],
];

const POD_SECURITY_CONTEXT_FIELDS: readonly Segment[][] = [
  ...SECURITY_CONTEXT_FIELDS,
  ['fsGroup'],
  ['supplementalGroups'],
  ['supplementalGroups', 0],
  ['sysctls'],
  ['sysctls', 0],
  ['sysctls', 0, 'name'],
  ['sysctls', 0, 'value'],
];

const CONTAINER_FIELDS: readonly Segment[][] = [
  [],
  ['name'],
  ['workingDir'],
  ['ports'],
  ['ports', 0],
  ['ports', 0, 'containerPort'],
  ['ports', 0, 'protocol'],
  ['volumeMounts'],
  ['volumeMounts', 0],
  ['volumeMounts', 0, 'name'],
  ['volumeMounts', 0, 'readOnly'],
  ['volumeMounts', 0, 'recursiveReadOnly'],
  ['volumeDevices'],
  ...SECURITY_CONTEXT_FIELDS.map((p) => ['securityContext', ...p]),
];

const TARGETS: readonly Segment[][] = [
  ['metadata', 'namespace'],
  ['spec', 'hostNetwork'],
  ['spec', 'hostPID'],
  ['spec', 'hostIPC'],
  ['spec', 'hostUsers'],
  ['spec', 'runtimeClassName'],
  ['spec', 'os'],
  ['spec', 'os', 'name'],
  ['spec', 'volumes'],
  ['spec', 'volumes', 0],
  ['spec', 'volumes', 0, 'name'],
  ['spec', 'volumes', 0, 'hostPath'],
  ['spec', 'volumes', 0, 'hostPath', 'path'],
  ['spec', 'volumes', 1, 'hostPath', 'path'],
  ...POD_SECURITY_CONTEXT_FIELDS.map((p) => ['spec', 'securityContext', ...p]),
  ...['initContainers', 'containers', 'ephemeralContainers'].flatMap((list) => [
    ['spec', list],
    ...CONTAINER_FIELDS.map((p) => ['spec', list, 0, ...p]),
    ...CONTAINER_FIELDS.map((p) => ['spec', list, 1, ...p]),
  ]),
];

const INTERESTING = fc.constantFrom(
  null,
  true,
  false,
  0,
  22,
  80,
  1000,
  '',
  [],
  {},
  'ALL',
  'SYS_ADMIN',
  'cap_net_raw',
  '${X}',
  '/',
  '/var/run/docker.sock',
  '/proc/self/fd/3',
  '1+kernel.core_pattern=|/x',
  'kernel.core_pattern',
  'host',
  'app',
  'windows',
  'gvisor',
);

function basePod(): Record<string, unknown> {
  return {
    metadata: { name: 'fuzz', namespace: 'tenant' },
    spec: {
      securityContext: { runAsGroup: 0, sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }] },
      initContainers: [{ name: 'init', image: 'busybox', workingDir: '/proc/self/fd/5' }],
      containers: [
        {
          name: 'app',
          image: 'nginx',
          ports: [{ containerPort: 22 }],
          volumeMounts: [{ name: 'host', mountPath: '/host' }],
          securityContext: { capabilities: { add: ['SYS_ADMIN', 'chown'] } },
        },
      ],
      ephemeralContainers: [{ name: 'debug', image: 'busybox' }],
      volumes: [{ name: 'host', hostPath: { path: '/var/run' } }],
    },
  };
}

/** The hardening rules read the namespace of the owner object: the pod template carries no metadata. */
const wrap = (kind: PodKind, pod: Record<string, unknown>) =>
  podDocument(kind, pod, { owner: pod.metadata, template: {} });

const mutation = fc.tuple(fc.constantFrom(...TARGETS), fc.oneof(fc.jsonValue({ maxDepth: 3 }), INTERESTING));

const settings = fc.record({
  tenancy: fc.constantFrom(undefined, 'single' as const, 'multi' as const, 'untrusted' as const),
  minor: fc.option(fc.integer({ min: 20, max: 40 }), { nil: undefined }),
});

function fields(findings: readonly Finding[], ruleId: string): Set<string> {
  return new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.field ?? ''));
}

describe('hardening rules on arbitrary field values', () => {
  it('never throw, report valid positions, and cover what the superseded rules report', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('Pod' as const, 'Deployment' as const, 'CronJob' as const),
        settings,
        (mutations, kind, { tenancy, minor }) => {
          const pod = basePod();
          for (const [path, value] of mutations) setIn(pod, path, value);
          const text = stringify(wrap(kind, pod));
          fc.pre(isCheckableText(text));
          const lines = text.split('\n').length;
          const result = runRules([...HARDENING_RULES, capabilitiesBeyondBaseline, hostPathVolume], text, {
            settings: {
              ...(tenancy && { namespaceTenancy: { tenant: tenancy } }),
              ...(minor !== undefined && { kubernetesVersion: { major: 1, minor } }),
            },
          });
          expect(result.inputErrors).toEqual([]);
          expect(result.crashes.map((c) => `${c.ruleId}: ${c.message}`)).toEqual([]);
          expectValidPositions(result.findings, lines);
          const capabilityFields = fields(result.findings, dangerousCapabilities.meta.id);
          for (const finding of result.findings) {
            if (finding.ruleId !== capabilitiesBeyondBaseline.meta.id || isTemplatedText(finding.message))
              continue;
            expect(capabilityFields).toContain(finding.field!.replace(/\[\d+\]$/, ''));
          }
          const hostPathFields = fields(result.findings, sensitiveHostPath.meta.id);
          for (const finding of result.findings) {
            if (finding.ruleId !== hostPathVolume.meta.id) continue;
            expect(hostPathFields).toContain(`${finding.field!}.path`);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
