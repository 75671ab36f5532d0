import rule from '../../../src/rules/hardening/pod-security-context-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a pod-level securityContext',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          runAsNonRoot: true
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'passes when only a container sets one',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
          - name: hardened
            image: nginx
            securityContext:
              allowPrivilegeEscalation: false
    `,
    expected: [],
  },
  {
    name: 'reports a pod without any, at the pod spec',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: bare
      spec:
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      {
        line: 5,
        column: 1,
        severity: 'low',
        message: 'Neither the pod nor any of its containers sets a securityContext',
      },
    ],
  },
  {
    name: 'treats empty and null security contexts as missing, reporting at the empty one',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            securityContext: {}
            initContainers:
              - name: init
                image: busybox
                securityContext: null
            containers:
              - name: web
                image: nginx
                securityContext: {}
    `,
    expected: [{ line: 8, column: 7 }],
  },
];

describe('pod-security-context-missing', () => {
  testRuleCases(rule, cases);

  it('is strict-only', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
