import rule from '../../../src/rules/pss/unsafe-sysctls.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** One sysctl from each group that joined the safe set later (v1.27, v1.29, v1.32, v1.37). */
const LATER = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: tuned
  spec:
    securityContext:
      sysctls:
        - name: net.ipv4.ip_local_reserved_ports
          value: "30000-30100"
        - name: net.ipv4.tcp_keepalive_time
          value: "600"
        - name: net.ipv4.tcp_rmem
          value: "4096 87380 16777216"
        - name: net.ipv4.tcp_notsent_lowat
          value: "16384"
    containers:
      - name: app
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes with the v1.0 safe set',
    version: 0,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          sysctls:
            - {name: kernel.shm_rmid_forced, value: "1"}
            - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
            - {name: net.ipv4.tcp_syncookies, value: "1"}
            - {name: net.ipv4.ping_group_range, value: "0 2147483647"}
            - {name: net.ipv4.ip_unprivileged_port_start, value: "0"}
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports each unsafe sysctl at its name; the slash form is not recognised',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: unsafe
      spec:
        securityContext:
          sysctls:
            - name: kernel.msgmax
              value: "65536"
            - name: net.ipv4.tcp_syncookies
              value: "1"
            - name: net/ipv4/tcp_syncookies
              value: "1"
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      {
        line: 8,
        column: 9,
        message: 'The pod sets sysctl "kernel.msgmax", which is not in the safe set at policy v1.37',
      },
      { line: 12, column: 9, message: '"net/ipv4/tcp_syncookies"' },
    ],
  },
  {
    name: 'v1.26 allows none of the later groups',
    version: 26,
    yaml: LATER,
    expected: [
      { line: 8, message: 'ip_local_reserved_ports' },
      { line: 10, message: 'tcp_keepalive_time' },
      { line: 12, message: 'tcp_rmem' },
      { line: 14, message: 'tcp_notsent_lowat' },
    ],
  },
  {
    name: 'v1.27 adds net.ipv4.ip_local_reserved_ports',
    version: 27,
    yaml: LATER,
    expected: [{ line: 10 }, { line: 12 }, { line: 14 }],
  },
  {
    name: 'v1.29 adds the keepalive and fin_timeout sysctls',
    version: 29,
    yaml: LATER,
    expected: [{ line: 12 }, { line: 14 }],
  },
  { name: 'v1.32 adds tcp_rmem and tcp_wmem', version: 32, yaml: LATER, expected: [{ line: 14 }] },
  {
    name: 'v1.36 still forbids tcp_notsent_lowat',
    version: 36,
    yaml: LATER,
    expected: [{ line: 14, message: 'v1.36' }],
  },
  {
    name: 'v1.37 adds tcp_slow_start_after_idle and tcp_notsent_lowat',
    version: 37,
    yaml: LATER,
    expected: [],
  },
  {
    name: 'checks Deployment templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            securityContext:
              sysctls:
                - name: vm.swappiness
                  value: "10"
            containers:
              - name: web
                image: nginx
    `,
    expected: [{ line: 10, column: 13, message: 'vm.swappiness' }],
  },
];

describe('unsafe-sysctls', () => {
  testRuleCases(rule, cases);
});
