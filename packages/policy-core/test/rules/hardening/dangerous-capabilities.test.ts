import rule from '../../../src/rules/hardening/dangerous-capabilities.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** A Pod whose container "app" adds `caps` (line 11 holds `add:`), with extra pod fields at line 6. */
function pod(caps: string, podFields = 'dnsPolicy: ClusterFirst'): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: caps
    spec:
      ${podFields}
      containers:
        - name: app
          image: nginx
          securityContext:
            capabilities:
              add: ${caps}
  `;
}

const cases: RuleCase[] = [
  {
    name: 'passes with baseline capabilities only, templated entries, or none',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
            securityContext:
              capabilities:
                drop: [ALL]
                add: [NET_BIND_SERVICE, CHOWN, "\${EXTRA_CAP}", "{{ .cap }}"]
          - name: plain
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports one finding per container at its add list, with the worst tier',
    yaml: pod('[NET_BIND_SERVICE, NET_RAW, SYS_ADMIN, NET_ADMIN]'),
    expected: [
      {
        line: 12,
        column: 11,
        container: 'app',
        severity: 'critical',
        message:
          'Container "app" adds capabilities "NET_RAW", "SYS_ADMIN", "NET_ADMIN" outside the Pod Security baseline set; the worst, "SYS_ADMIN", allows mount()',
      },
    ],
  },
  {
    name: 'a single critical capability: case and CAP_ prefix do not matter for the tier',
    yaml: pod('[cap_dac_read_search]'),
    expected: [
      {
        line: 12,
        severity: 'critical',
        message:
          'adds capability "cap_dac_read_search" outside the Pod Security baseline set: "cap_dac_read_search" allows open_by_handle_at()',
      },
    ],
  },
  {
    name: 'ALL is critical',
    yaml: pod('[ALL]'),
    expected: [{ line: 12, severity: 'critical', message: 'close to a privileged container' }],
  },
  {
    name: 'SYS_MODULE is critical',
    yaml: pod('[SYS_MODULE]'),
    expected: [{ line: 12, severity: 'critical', message: 'kernel modules' }],
  },
  {
    name: 'NET_ADMIN alone is high',
    yaml: pod('[NET_ADMIN]'),
    expected: [{ line: 12, severity: 'high', message: 'iptables' }],
  },
  {
    name: 'SYS_PTRACE alone is high',
    yaml: pod('[SYS_PTRACE]'),
    expected: [{ line: 12, severity: 'high', message: 'other processes it can see' }],
  },
  {
    name: 'BPF, PERFMON, SYS_BOOT, MAC_ADMIN, MAC_OVERRIDE, SYSLOG, SYS_TIME, SYS_RAWIO and AUDIT_CONTROL are high',
    yaml: pod(
      '[BPF, PERFMON, SYS_BOOT, MAC_ADMIN, MAC_OVERRIDE, SYSLOG, SYS_TIME, SYS_RAWIO, AUDIT_CONTROL]',
    ),
    expected: [{ line: 12, severity: 'high', message: 'the worst, "BPF", loads eBPF programs' }],
  },
  {
    name: 'NET_RAW and unlisted capabilities are medium',
    yaml: pod('[NET_RAW, WAKE_ALARM]'),
    expected: [{ line: 12, severity: 'medium', message: 'the worst, "NET_RAW", opens raw sockets' }],
  },
  {
    name: 'SYS_PTRACE with hostPID is critical',
    yaml: pod('[SYS_PTRACE]', 'hostPID: true'),
    expected: [
      { line: 12, severity: 'critical', message: 'every process on the node (the pod sets hostPID: true)' },
    ],
  },
  {
    name: 'NET_ADMIN with hostNetwork is critical',
    yaml: pod('[NET_ADMIN]', 'hostNetwork: true'),
    expected: [{ line: 12, severity: 'critical', message: "rewrites the node's iptables rules" }],
  },
  {
    name: 'SYS_MODULE in a user namespace is medium',
    yaml: pod('[SYS_MODULE]', 'hostUsers: false'),
    expected: [{ line: 12, severity: 'medium', message: 'has no effect in a user namespace' }],
  },
  {
    name: 'keeps Pod Security semantics: non-canonical spellings of baseline capabilities are medium',
    yaml: pod('[chown, CAP_CHOWN, CHOWN]'),
    expected: [
      {
        line: 12,
        severity: 'medium',
        message:
          'adds capabilities "chown", "CAP_CHOWN" outside the Pod Security baseline set; the worst, "chown", is not spelled as in the baseline allow-list ("CHOWN")',
      },
    ],
  },
  {
    name: 'counts duplicates once and reports non-string entries',
    yaml: pod('[SYS_ADMIN, SYS_ADMIN, 5]'),
    expected: [{ line: 12, severity: 'critical', message: 'capabilities "SYS_ADMIN", 5 outside' }],
  },
  {
    name: 'checks init, sidecar and ephemeral containers and Windows pods, one finding each',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: many
      spec:
        os:
          name: windows
        initContainers:
          - name: init
            image: busybox
            securityContext:
              capabilities: {add: [SYS_TIME]}
          - name: sidecar
            image: envoy
            restartPolicy: Always
            securityContext:
              capabilities:
                add:
                  - NET_ADMIN
        containers:
          - name: app
            image: nginx
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              capabilities:
                add: ["SYS_PTRACE"]
    `,
    expected: [
      {
        line: 12,
        column: 24,
        container: 'init',
        severity: 'high',
        message: 'Init container "init" adds capability "SYS_TIME"',
      },
      { line: 18, column: 11, container: 'sidecar', severity: 'high' },
      { line: 28, container: 'debug', severity: 'high', message: 'Ephemeral container "debug"' },
    ],
  },
  {
    name: 'checks CronJob templates inside a List',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: batch/v1
          kind: CronJob
          metadata:
            name: job
          spec:
            schedule: "@daily"
            jobTemplate:
              spec:
                template:
                  spec:
                    hostPID: true
                    containers:
                      - name: job
                        image: busybox
                        securityContext:
                          capabilities:
                            add: [SYS_PTRACE, NET_RAW]
    `,
    expected: [
      { line: 20, column: 23, container: 'job', severity: 'critical', message: 'the worst, "SYS_PTRACE"' },
    ],
  },
];

describe('dangerous-capabilities', () => {
  testRuleCases(rule, cases);

  it('supersedes the Pod Security baseline capability rule', () => {
    expect(rule.meta.supersedes).toEqual(['capabilities-beyond-baseline']);
  });
});
