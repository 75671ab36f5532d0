import rule from '../../../src/rules/pss/windows-host-process.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes without hostProcess or with hostProcess: false',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        securityContext:
          windowsOptions:
            hostProcess: false
            runAsUserName: ContainerUser
        containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
            securityContext:
              windowsOptions: {}
    `,
    expected: [],
  },
  {
    name: 'reports a pod-level hostProcess once, naming the inheriting containers',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: hpc
      spec:
        hostNetwork: true
        securityContext:
          windowsOptions:
            hostProcess: true
        containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
          - name: other
            image: mcr.microsoft.com/windows/nanoserver
            securityContext:
              windowsOptions:
                hostProcess: false
    `,
    expected: [
      {
        line: 9,
        column: 7,
        message: 'The pod sets windowsOptions.hostProcess: true (inherited by container "app")',
      },
    ],
  },
  {
    name: 'reports each container, init container and ephemeral container that sets it',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: hpc
      spec:
        initContainers:
          - name: init
            image: mcr.microsoft.com/windows/nanoserver
            securityContext:
              windowsOptions:
                hostProcess: true
        containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
            securityContext:
              windowsOptions:
                hostProcess: true
        ephemeralContainers:
          - name: debug
            image: mcr.microsoft.com/windows/nanoserver
            securityContext:
              windowsOptions: {hostProcess: true}
    `,
    expected: [
      {
        line: 11,
        column: 11,
        container: 'init',
        message: 'Init container "init" sets windowsOptions.hostProcess: true',
      },
      { line: 17, column: 11, container: 'app' },
      { line: 22, container: 'debug', message: 'Ephemeral container "debug"' },
    ],
  },
  {
    name: 'checks Deployment templates and applies at policy v1.0',
    version: 0,
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: agent
      spec:
        template:
          spec:
            securityContext:
              windowsOptions:
                hostProcess: true
            containers:
              - name: agent
                image: agent
    `,
    expected: [{ line: 10, column: 11 }],
  },
];

describe('windows-host-process', () => {
  testRuleCases(rule, cases);
});
