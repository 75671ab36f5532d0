import rule from '../../../src/rules/hardening/untrusted-workload-not-sandboxed.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const UNTRUSTED = { namespaceTenancy: { sandbox: 'untrusted' as const } };

/** A Pod in namespace "sandbox" with extra pod-spec lines at line 7. */
function pod(podFields = ''): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      namespace: sandbox
    spec:
      ${podFields || 'dnsPolicy: ClusterFirst'}
      containers:
        - name: app
          image: nginx
  `;
}

const cases: RuleCase[] = [
  { name: 'passes outside untrusted namespaces', yaml: pod(), expected: [] },
  {
    name: 'passes in a multi-tenant namespace',
    settings: { namespaceTenancy: { sandbox: 'multi' } },
    yaml: pod(),
    expected: [],
  },
  {
    name: 'passes with a sandbox runtime class',
    settings: UNTRUSTED,
    yaml: pod('runtimeClassName: gvisor'),
    expected: [],
  },
  {
    name: 'passes with a kata-* runtime class',
    settings: UNTRUSTED,
    yaml: pod('runtimeClassName: kata-clh'),
    expected: [],
  },
  { name: 'passes with a user namespace', settings: UNTRUSTED, yaml: pod('hostUsers: false'), expected: [] },
  {
    name: 'skips a templated runtime class',
    settings: UNTRUSTED,
    yaml: pod('runtimeClassName: "{{ .rc }}"'),
    expected: [],
  },
  {
    name: 'reports the default runtime at the pod spec',
    settings: UNTRUSTED,
    yaml: pod(),
    expected: [
      {
        line: 6,
        column: 1,
        severity: 'medium',
        message:
          'The pod runs in the untrusted namespace "sandbox" with the default runtime and without hostUsers: false, so untrusted code shares the node kernel as host root.',
      },
    ],
  },
  {
    name: 'reports a non-sandbox runtime class at the field',
    settings: UNTRUSTED,
    yaml: pod('runtimeClassName: runc'),
    expected: [{ line: 7, column: 3, message: 'with runtime class "runc", which is not a sandbox' }],
  },
  {
    name: 'uses the configured sandbox runtime classes instead of the defaults',
    settings: { ...UNTRUSTED, sandboxRuntimeClasses: ['firecracker'] },
    yaml: pod('runtimeClassName: gvisor'),
    expected: [{ line: 7, message: '"gvisor"' }],
  },
  {
    name: 'reads the tenancy label of a scanned Namespace',
    yaml: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: tenant-a
        labels:
          shiftdown.dev/tenancy: untrusted
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        namespace: tenant-a
      spec:
        template:
          spec:
            hostUsers: true
            containers:
              - name: db
                image: postgres
    `,
    expected: [{ line: 15, column: 5, message: 'untrusted namespace "tenant-a"' }],
  },
];

describe('untrusted-workload-not-sandboxed', () => {
  testRuleCases(rule, cases);
});
