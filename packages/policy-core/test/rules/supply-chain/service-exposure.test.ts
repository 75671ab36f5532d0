import rule from '../../../src/rules/supply-chain/service-exposure.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const cases: RuleCase[] = [
  {
    name: 'passes ClusterIP, headless and ExternalName Services',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: internal
      spec:
        selector:
          app: web
        ports:
          - port: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: headless
      spec:
        type: ClusterIP
        clusterIP: None
        selector:
          app: db
        ports:
          - port: 5432
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: external-db
      spec:
        type: ExternalName
        externalName: db.example.com
    `,
    expected: [],
  },
  {
    name: 'reports NodePort on spec.type',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        selector:
          app: web
        ports:
          - port: 80
            nodePort: 30080
    `,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'medium',
        message: 'Service "web" is of type NodePort: its ports are opened on every node',
      },
    ],
  },
  {
    name: 'reports a public LoadBalancer without source ranges or internal annotation',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: public
        annotations:
          service.beta.kubernetes.io/azure-load-balancer-internal: "false"
      spec:
        type: LoadBalancer
        ports:
          - port: 443
    `,
    expected: [
      { line: 8, column: 3, severity: 'medium', message: 'Service "public" is a public LoadBalancer' },
    ],
  },
  {
    name: 'passes internal load balancers of each provider and restricted source ranges',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: aws-legacy
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-internal: "true"
      spec:
        type: LoadBalancer
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: aws-lbc-scheme
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-type: external
          service.beta.kubernetes.io/aws-load-balancer-scheme: internal
      spec:
        type: LoadBalancer
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: aws-lbc-default
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-type: external
      spec:
        type: LoadBalancer
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: aws-lbc-class
      spec:
        type: LoadBalancer
        loadBalancerClass: service.k8s.aws/nlb
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: azure
        annotations:
          service.beta.kubernetes.io/azure-load-balancer-internal: "true"
      spec:
        type: LoadBalancer
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: gke
        annotations:
          networking.gke.io/load-balancer-type: Internal
      spec:
        type: LoadBalancer
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: gke-legacy
        annotations:
          cloud.google.com/load-balancer-type: "Internal"
      spec:
        type: LoadBalancer
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: ranges
      spec:
        type: LoadBalancer
        loadBalancerSourceRanges:
          - 203.0.113.0/24
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: ranges-annotation
        annotations:
          service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,192.168.0.0/16"
      spec:
        type: LoadBalancer
    `,
    expected: [],
  },
  {
    name: 'an AWS LBC Service made internet-facing is public',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: nlb
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-type: external
          service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
      spec:
        type: LoadBalancer
    `,
    expected: [{ line: 9, message: 'is a public LoadBalancer' }],
  },
  {
    name: 'source ranges that allow every address are reported on the entry',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: open
      spec:
        type: LoadBalancer
        loadBalancerSourceRanges:
          - 10.0.0.0/8
          - 0.0.0.0/0
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: open-annotation
        annotations:
          service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, ::/0"
      spec:
        type: LoadBalancer
    `,
    expected: [
      {
        line: 9,
        column: 7,
        message: 'Service "open" is a LoadBalancer whose source ranges allow every address',
      },
      {
        line: 16,
        column: 5,
        message: 'Service "open-annotation" is a LoadBalancer whose source ranges allow every address',
      },
    ],
  },
  {
    name: 'reports externalIPs as high, in addition to the type',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: mitm
      spec:
        type: NodePort
        externalIPs:
          - 8.8.8.8
          - 1.1.1.1
        ports:
          - port: 53
    `,
    expected: [
      { line: 6, severity: 'medium', message: 'type NodePort' },
      { line: 7, column: 3, severity: 'high', message: 'Service "mitm" sets externalIPs (8.8.8.8, 1.1.1.1)' },
    ],
  },
];

describe('service-exposure', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);
});
