import rule from '../../../src/rules/network/node-firewall-tamper.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for host-network pods without privilege or NET_ADMIN, and for privileged pods off AKS',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: host, namespace: tools}
      spec:
        hostNetwork: true
        containers:
          - name: app
            image: app
            securityContext:
              capabilities: {add: [NET_BIND_SERVICE, NET_RAW]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: priv, namespace: tools}
      spec:
        containers:
          - name: app
            image: app
            securityContext: {privileged: true}
    `,
    expected: [],
  },
  {
    name: 'reports privileged and NET_ADMIN/ALL containers of host-network pods, one finding per container',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: vpn, namespace: tools}
      spec:
        selector: {matchLabels: {app: vpn}}
        template:
          metadata: {labels: {app: vpn}}
          spec:
            hostNetwork: true
            initContainers:
              - name: setup
                image: setup
                securityContext:
                  capabilities:
                    add: [NET_RAW, cap_net_admin]
            containers:
              - name: vpn
                image: vpn
                securityContext:
                  privileged: true
                  capabilities: {add: [NET_ADMIN]}
              - name: all
                image: all
                securityContext:
                  capabilities: {add: [ALL]}
            ephemeralContainers:
              - name: debug
                image: busybox
                securityContext: {privileged: "\${PRIVILEGED}"}
    `,
    expected: [
      {
        line: 15,
        column: 30,
        container: 'setup',
        severity: 'critical',
        message:
          'Init container "setup" adds capability cap_net_admin in a host-network pod: it can rewrite the node\'s iptables/nftables rules',
      },
      {
        line: 20,
        column: 13,
        container: 'vpn',
        message: 'Container "vpn" runs privileged in a host-network pod',
      },
      { line: 25, column: 34, container: 'all', message: 'adds capability ALL' },
    ],
  },
  {
    name: 'on Azure a privileged container is reported without hostNetwork',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: priv, namespace: tools}
      spec:
        containers:
          - name: app
            image: app
            securityContext:
              privileged: true
              capabilities: {add: [NET_ADMIN]}
    `,
    settings: { cloud: 'azure' },
    expected: [
      {
        line: 9,
        column: 9,
        container: 'app',
        message:
          'Container "app" runs privileged: on AKS it can break out to the node and remove the iptables rules that enforce the IMDS restriction',
      },
    ],
  },
  {
    name: 'system namespaces are not reported (CNI agents)',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: cilium, namespace: kube-system}
      spec:
        selector: {matchLabels: {k8s-app: cilium}}
        template:
          metadata: {labels: {k8s-app: cilium}}
          spec:
            hostNetwork: true
            containers:
              - name: agent
                image: cilium
                securityContext: {privileged: true}
    `,
    settings: { cloud: 'azure' },
    expected: [],
  },
];

describe('node-firewall-tamper', () => {
  testRuleCases(rule, cases);
});
