import rule from '../../../src/rules/pss/capabilities-not-dropped.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const NO_DROP = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: no-drop
  spec:
    os:
      name: windows
    containers:
      - name: app
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes with drop ALL and at most NET_BIND_SERVICE added',
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
                add: [NET_BIND_SERVICE]
          - name: other
            image: nginx
            securityContext:
              capabilities:
                drop: [NET_RAW, ALL]
    `,
    expected: [],
  },
  {
    name: 'reports a missing drop ALL where the list belongs, in every container list',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: missing
      spec:
        initContainers:
          - name: init
            image: busybox
        containers:
          - name: app
            image: nginx
            securityContext:
              capabilities: {}
          - name: partial
            image: nginx
            securityContext:
              capabilities:
                drop: [NET_RAW, all]
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              capabilities:
                drop: [ALL]
    `,
    expected: [
      {
        line: 7,
        column: 7,
        container: 'init',
        message: 'Init container "init" does not drop ALL capabilities',
      },
      { line: 13, column: 9, container: 'app' },
      { line: 18, column: 11, container: 'partial' },
    ],
  },
  {
    name: 'reports each added capability other than NET_BIND_SERVICE',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx
                securityContext:
                  capabilities:
                    drop: [ALL]
                    add:
                      - NET_BIND_SERVICE
                      - CHOWN
                      - SYS_ADMIN
    `,
    expected: [
      {
        line: 16,
        column: 19,
        container: 'web',
        message: 'Container "web" adds capability "CHOWN"; restricted allows adding only NET_BIND_SERVICE',
      },
      { line: 17, column: 19, container: 'web', message: '"SYS_ADMIN"' },
    ],
  },
  { name: 'does not apply before policy v1.22', version: 21, yaml: NO_DROP, expected: [] },
  {
    name: 'applies from v1.22; Windows pods are not exempt before v1.25',
    version: 24,
    yaml: NO_DROP,
    expected: [{ line: 9, container: 'app' }],
  },
  { name: 'exempts Windows pods from v1.25', version: 25, yaml: NO_DROP, expected: [] },
];

describe('capabilities-not-dropped', () => {
  testRuleCases(rule, cases);
});
