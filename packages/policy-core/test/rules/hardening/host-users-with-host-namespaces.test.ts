import rule from '../../../src/rules/hardening/host-users-with-host-namespaces.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const ALL_THREE = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    hostUsers: false
    hostNetwork: true
    hostPID: true
    hostIPC: true
    containers:
      - name: app
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes for user-namespaced pods without host namespaces',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        hostUsers: false
        hostNetwork: false
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'passes for host namespaces without a user namespace',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        hostUsers: true
        hostPID: true
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports each host namespace; hostNetwork mentions the alpha gate when the version is unknown',
    yaml: ALL_THREE,
    expected: [
      {
        line: 7,
        column: 3,
        severity: 'high',
        message:
          'The pod sets hostUsers: false with hostNetwork: true, which pod validation forbids: the API server rejects the pod unless the alpha feature gate UserNamespacesHostNetworkSupport is enabled',
      },
      {
        line: 8,
        column: 3,
        severity: 'high',
        message: 'with hostPID: true, which pod validation forbids: the API server rejects the pod.',
      },
      { line: 9, column: 3, message: 'hostIPC: true' },
    ],
  },
  {
    name: 'mentions the alpha gate from Kubernetes 1.35',
    settings: { kubernetesVersion: { major: 1, minor: 35 } },
    yaml: ALL_THREE,
    expected: [{ line: 7, message: 'UserNamespacesHostNetworkSupport' }, { line: 8 }, { line: 9 }],
  },
  {
    name: 'says there is no way before Kubernetes 1.35',
    settings: { kubernetesVersion: { major: 1, minor: 34 } },
    yaml: ALL_THREE,
    expected: [
      {
        line: 7,
        message:
          'the API server of Kubernetes 1.34 rejects the pod (hostNetwork with user namespaces needs an alpha gate from 1.35)',
      },
      { line: 8 },
      { line: 9 },
    ],
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
            hostUsers: false
            hostPID: true
            containers:
              - name: web
                image: nginx
    `,
    expected: [{ line: 9, column: 7, message: 'hostPID' }],
  },
];

describe('host-users-with-host-namespaces', () => {
  testRuleCases(rule, cases);
});
