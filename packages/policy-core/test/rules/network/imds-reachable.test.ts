import rule from '../../../src/rules/network/imds-reachable.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
          - name: web
            image: nginx
`;

function withPolicy(policy: string): string {
  return DEPLOYMENT + '---\n' + policy;
}

const cases: RuleCase[] = [
  {
    name: 'passes under a default-deny egress policy with a DNS rule',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
            ports: [{port: 53, protocol: UDP}]
    `),
    settings: { cloud: 'aws' },
    expected: [],
  },
  {
    name: 'passes when the internet is allowed except the metadata addresses',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        egress:
          - to:
              - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}
              - ipBlock: {cidr: "::/0", except: ["fd00:ec2::254/128"]}
    `),
    expected: [],
  },
  {
    name: 'no egress policy, cloud unknown: both addresses, medium, generic wording, on the template metadata',
    yaml: DEPLOYMENT,
    expected: [
      {
        line: 10,
        column: 5,
        severity: 'medium',
        message:
          'The pods of Deployment "web" can reach the cloud instance metadata service (IMDS) at 169.254.169.254 and fd00:ec2::254 (no egress network policy selects them) and take the node\'s cloud credentials; add an egress policy that excepts the metadata address.',
      },
    ],
  },
  {
    name: 'AWS: high, names the IAM role and the hop limit',
    yaml: DEPLOYMENT,
    settings: { cloud: 'aws' },
    expected: [
      {
        line: 10,
        severity: 'high',
        message:
          "EC2 instance metadata service (IMDS) at 169.254.169.254 and fd00:ec2::254 (no egress network policy selects them) and take the node's IAM role credentials; add an egress policy that excepts the metadata address; on the nodes, also require IMDSv2 with a hop limit of 1",
      },
    ],
  },
  {
    name: 'Azure: IPv4 only, points to the AKS IMDS restriction',
    yaml: DEPLOYMENT,
    settings: { cloud: 'azure' },
    expected: [
      {
        line: 10,
        severity: 'high',
        message:
          'Azure Instance Metadata Service (IMDS) at 169.254.169.254 (no egress network policy selects them) and take managed identity tokens of the node (the kubelet identity); add an egress policy that excepts the metadata address; also enable the AKS IMDS restriction (az aks update --enable-imds-restriction)',
      },
    ],
  },
  {
    name: 'GCP: pods pinned to GKE metadata-server node pools are not reported',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: wi, namespace: shop}
      spec:
        nodeSelector:
          iam.gke.io/gke-metadata-server-enabled: "true"
        containers: [{name: app, image: app}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: plain, namespace: shop}
      spec:
        containers: [{name: app, image: app}]
    `,
    settings: { cloud: 'gcp' },
    expected: [{ line: 11, column: 1, message: 'Pod "plain" can reach the Compute Engine metadata server' }],
  },
  {
    name: 'names the policies whose rules allow the address (union of rules)',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: link-local, namespace: shop}
      spec:
        podSelector: {}
        egress:
          - to: [{ipBlock: {cidr: 169.254.0.0/16}}]
    `),
    settings: { cloud: 'gcp' },
    expected: [
      {
        line: 10,
        message: 'at 169.254.169.254 (NetworkPolicy "internet", NetworkPolicy "link-local" allow it)',
      },
    ],
  },
  {
    name: 'IPv6 alone can be open on AWS',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: dual, namespace: shop}
      spec:
        podSelector: {}
        egress:
          - to:
              - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}
              - ipBlock: {cidr: "::/0"}
    `),
    settings: { cloud: 'aws' },
    expected: [{ line: 10, message: 'at fd00:ec2::254 (NetworkPolicy "dual" allows it)' }],
  },
  {
    name: 'ingress-only policies do not restrict egress',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: ingress, namespace: shop}
      spec:
        podSelector: {}
    `),
    settings: { cloud: 'azure' },
    expected: [{ line: 10, message: '(no egress network policy selects them)' }],
  },
  {
    name: 'an admin policy that selects the pods without matching does not isolate them',
    yaml: withPolicy(yaml`
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: admin}
      spec:
        priority: 3
        subject: {namespaces: {}}
        egress:
          - {name: deny-db, action: Deny, to: [{networks: [10.9.0.0/16]}]}
    `),
    settings: { cloud: 'azure' },
    expected: [{ line: 10, message: '(no egress policy isolates them)' }],
  },
  {
    name: 'explicit denies of other engines are honoured',
    yaml: withPolicy(yaml`
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: deny-imds}
      spec:
        endpointSelector: {}
        egressDeny:
          - toCIDRSet: [{cidr: 169.254.169.254/32}, {cidr: "fd00:ec2::254/128"}]
    `),
    settings: { cloud: 'aws' },
    expected: [],
  },
  {
    name: 'quiet when templated values decide',
    yaml: withPolicy(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: tpl, namespace: shop}
      spec:
        podSelector: {}
        egress:
          - to: [{ipBlock: {cidr: "\${EGRESS_CIDR}"}}]
    `),
    settings: { cloud: 'gcp' },
    expected: [],
  },
  {
    name: 'findings in system namespaces are informational',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cluster-autoscaler, namespace: kube-system}
      spec:
        selector: {matchLabels: {app: cluster-autoscaler}}
        template:
          metadata: {labels: {app: cluster-autoscaler}}
          spec:
            containers: [{name: autoscaler, image: autoscaler}]
    `,
    settings: { cloud: 'aws' },
    expected: [{ line: 7, column: 5, severity: 'info', message: 'Deployment "cluster-autoscaler"' }],
  },
  {
    name: 'hostNetwork pods and PodTemplates are left to other rules',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: host}
      spec:
        hostNetwork: true
        containers: [{name: app, image: app}]
      ---
      apiVersion: v1
      kind: PodTemplate
      metadata: {name: tpl}
      template:
        spec:
          containers: [{name: app, image: app}]
    `,
    settings: { cloud: 'aws' },
    expected: [],
  },
  {
    name: 'Jobs in a List are checked, at their template metadata',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate}
          spec:
            template:
              metadata:
                labels: {app: migrate}
              spec:
                restartPolicy: Never
                containers: [{name: migrate, image: migrate}]
    `,
    settings: { cloud: 'gcp' },
    expected: [{ line: 9, column: 9, message: 'Job "migrate"' }],
  },
];

describe('imds-reachable', () => {
  testRuleCases(rule, cases);
});
