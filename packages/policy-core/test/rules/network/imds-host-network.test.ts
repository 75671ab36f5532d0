import rule from '../../../src/rules/network/imds-host-network.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const HOST_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: sniffer
    namespace: tools
  spec:
    hostNetwork: true
    containers:
      - name: app
        image: app
`;

const cases: RuleCase[] = [
  {
    name: 'does not run when the cloud is unknown (host-namespaces reports the field)',
    yaml: HOST_POD,
    expected: [],
  },
  {
    name: 'passes for pods on the pod network',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        hostNetwork: false
        containers: [{name: app, image: app}]
    `,
    settings: { cloud: 'aws' },
    expected: [],
  },
  {
    name: 'AWS: the hop limit does not help',
    yaml: HOST_POD,
    settings: { cloud: 'aws' },
    expected: [
      {
        line: 7,
        column: 3,
        severity: 'high',
        message:
          "The pod uses hostNetwork: true: it reaches the EC2 instance metadata service (IMDS) from the node itself, where network policies do not apply to it and an IMDSv2 hop limit of 1 does not stop requests that start on the node, so it can take the node's IAM role credentials.",
      },
    ],
  },
  {
    name: 'Azure: the AKS IMDS restriction exempts host-network pods',
    yaml: HOST_POD,
    settings: { cloud: 'azure' },
    expected: [
      {
        line: 7,
        message: 'the AKS IMDS restriction exempts host-network pods, so it can take managed identity tokens',
      },
    ],
  },
  {
    name: 'GCP: metadata protections target the pod network',
    yaml: HOST_POD,
    settings: { cloud: 'gcp' },
    expected: [{ line: 7, message: "GKE's metadata protections" }],
  },
  {
    name: 'system namespaces (defaults and configured) are not reported',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: kube-proxy, namespace: kube-system}
      spec:
        selector: {matchLabels: {k8s-app: kube-proxy}}
        template:
          metadata: {labels: {k8s-app: kube-proxy}}
          spec:
            hostNetwork: true
            containers: [{name: kube-proxy, image: kube-proxy}]
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: observability}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            hostNetwork: true
            containers: [{name: agent, image: agent}]
    `,
    settings: { cloud: 'aws', systemNamespaces: ['observability'] },
    expected: [],
  },
  {
    name: 'checks CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: sync, namespace: jobs}
      spec:
        schedule: "@hourly"
        jobTemplate:
          spec:
            template:
              spec:
                hostNetwork: true
                restartPolicy: OnFailure
                containers: [{name: sync, image: sync}]
    `,
    settings: { cloud: 'gcp' },
    expected: [{ line: 10, column: 11, message: 'Compute Engine metadata server' }],
  },
];

describe('imds-host-network', () => {
  testRuleCases(rule, cases);
});
