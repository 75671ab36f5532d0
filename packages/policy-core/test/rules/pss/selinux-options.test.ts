import rule from '../../../src/rules/pss/selinux-options.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const ENGINE = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: dind
  spec:
    containers:
      - name: dind
        image: docker:dind
        securityContext:
          seLinuxOptions:
            type: container_engine_t
`;

const cases: RuleCase[] = [
  {
    name: 'passes with allowed types, empty options and any level',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          seLinuxOptions:
            type: container_t
            level: "s0:c1,c2"
        initContainers:
          - name: init
            image: busybox
            securityContext:
              seLinuxOptions:
                type: container_init_t
        containers:
          - name: app
            image: nginx
            securityContext:
              seLinuxOptions: {}
          - name: vm
            image: kubevirt
            securityContext:
              seLinuxOptions:
                type: container_kvm_t
                user: ""
    `,
    expected: [],
  },
  {
    name: 'reports a pod-level type, user and role separately',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: pod-level
      spec:
        securityContext:
          seLinuxOptions:
            type: spc_t
            user: system_u
            role: system_r
        containers:
          - name: app
            image: nginx
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message: 'The pod (inherited by container "app") sets seLinuxOptions.type to "spc_t"',
      },
      { line: 9, column: 7, message: 'seLinuxOptions.user to "system_u"' },
      { line: 10, column: 7, message: 'seLinuxOptions.role to "system_r"' },
    ],
  },
  {
    name: 'reports container-level options in every container list',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: containers
      spec:
        initContainers:
          - name: init
            image: busybox
            securityContext:
              seLinuxOptions:
                user: unconfined_u
        containers:
          - name: app
            image: nginx
            securityContext:
              seLinuxOptions:
                type: unconfined_t
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              seLinuxOptions: {role: sysadm_r}
    `,
    expected: [
      { line: 11, column: 11, container: 'init', message: 'Init container "init" sets seLinuxOptions.user' },
      { line: 17, column: 11, container: 'app', message: 'seLinuxOptions.type to "unconfined_t"' },
      { line: 22, container: 'debug', message: 'seLinuxOptions.role' },
    ],
  },
  {
    name: 'forbids container_engine_t before policy v1.31',
    version: 30,
    yaml: ENGINE,
    expected: [{ line: 11, column: 11, container: 'dind' }],
  },
  { name: 'allows container_engine_t from policy v1.31', version: 31, yaml: ENGINE, expected: [] },
  {
    name: 'checks CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: job
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                securityContext:
                  seLinuxOptions:
                    type: spc_t
                containers:
                  - name: job
                    image: busybox
    `,
    expected: [{ line: 13, column: 15 }],
  },
];

describe('selinux-options', () => {
  testRuleCases(rule, cases);
});
