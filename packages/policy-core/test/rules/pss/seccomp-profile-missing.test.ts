import rule from '../../../src/rules/pss/seccomp-profile-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const UNSET = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: unset
  spec:
    os:
      name: windows
    containers:
      - name: app
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes with a pod-level profile that containers inherit (no false positives)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          seccompProfile:
            type: RuntimeDefault
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx
            securityContext:
              seccompProfile:
                type: Localhost
                localhostProfile: profiles/app.json
        ephemeralContainers:
          - name: debug
            image: busybox
    `,
    expected: [],
  },
  {
    name: 'passes when every container sets a profile without a pod-level one',
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
              seccompProfile: {type: RuntimeDefault}
    `,
    expected: [],
  },
  {
    name: 'reports each container without a profile when the pod sets none, where the type belongs',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: unset
      spec:
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx
            securityContext:
              seccompProfile:
                type: RuntimeDefault
          - name: sidecar
            image: envoy
            securityContext:
              runAsNonRoot: true
    `,
    expected: [
      {
        line: 7,
        column: 7,
        container: 'init',
        message: 'Init container "init" has no seccomp profile and the pod sets none',
      },
      { line: 17, column: 7, container: 'sidecar' },
    ],
  },
  {
    name: 'an invalid pod-level type is reported once, even when containers set valid ones',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-unconfined
      spec:
        securityContext:
          seccompProfile:
            type: Unconfined
        containers:
          - name: app
            image: nginx
            securityContext:
              seccompProfile:
                type: RuntimeDefault
          - name: other
            image: nginx
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message:
          'The pod sets seccompProfile.type to "Unconfined" (inherited by container "other"); it must be RuntimeDefault or Localhost',
      },
    ],
  },
  {
    name: 'reports explicit invalid container types in Deployment templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            securityContext:
              seccompProfile:
                type: RuntimeDefault
            containers:
              - name: web
                image: nginx
                securityContext:
                  seccompProfile:
                    type: Unconfined
    `,
    expected: [
      {
        line: 16,
        column: 15,
        container: 'web',
        message: 'Container "web" sets seccompProfile.type to "Unconfined"',
      },
    ],
  },
  { name: 'does not apply before policy v1.19', version: 18, yaml: UNSET, expected: [] },
  {
    name: 'applies from v1.19; Windows pods are not exempt before v1.25',
    version: 24,
    yaml: UNSET,
    expected: [{ line: 9, container: 'app' }],
  },
  { name: 'exempts Windows pods from v1.25', version: 25, yaml: UNSET, expected: [] },
];

describe('seccomp-profile-missing', () => {
  testRuleCases(rule, cases);
});
