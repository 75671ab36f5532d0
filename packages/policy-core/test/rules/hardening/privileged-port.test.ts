import rule from '../../../src/rules/hardening/privileged-port.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for ports from 1024, port 22 (ssh-port) and non-integer ports',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
            ports:
              - containerPort: 1024
              - containerPort: 8443
              - containerPort: 22
              - containerPort: "80"
    `,
    expected: [],
  },
  {
    name: 'reports each port below 1024 as info',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: low
      spec:
        containers:
          - name: app
            image: nginx
            ports:
              - containerPort: 80
              - containerPort: 1023
                protocol: UDP
              - containerPort: 1
    `,
    expected: [
      {
        line: 10,
        column: 11,
        container: 'app',
        severity: 'info',
        message:
          'Container "app" declares containerPort 80, a privileged port that needs root or CAP_NET_BIND_SERVICE to bind.',
      },
      { line: 11, message: 'containerPort 1023' },
      { line: 13, message: 'containerPort 1' },
    ],
  },
  {
    name: 'honours the pod sysctl net.ipv4.ip_unprivileged_port_start',
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
                - name: net.ipv4.ip_unprivileged_port_start
                  value: "443"
            containers:
              - name: web
                image: nginx
                ports:
                  - containerPort: 443
                  - containerPort: 80
    `,
    expected: [{ line: 17, column: 15, container: 'web', message: 'containerPort 80' }],
  },
];

describe('privileged-port', () => {
  testRuleCases(rule, cases);

  it('is informational and strict-only', () => {
    expect(rule.meta.severity).toBe('info');
    expect(rule.meta.recommended).toBe(false);
  });
});
