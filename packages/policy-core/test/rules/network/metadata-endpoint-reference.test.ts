import rule from '../../../src/rules/network/metadata-endpoint-reference.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for proxy bypass lists, EKS Pod Identity, look-alike numbers and system namespaces',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: app, namespace: shop}
      spec:
        containers:
          - name: app
            image: app
            env:
              - {name: NO_PROXY, value: "localhost,169.254.169.254,metadata.google.internal"}
              - {name: AWS_CONTAINER_CREDENTIALS_FULL_URI, value: "http://169.254.170.23/v1/credentials"}
              - {name: ECS, value: "http://169.254.170.2/v2/credentials"}
              - {name: NOT_IT, value: "10.169.254.169.2540 and 1100.100.100.200 and metadata.google.internals"}
            args: ["--listen", "0.0.0.0:8080"]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: aws-node, namespace: kube-system}
      data:
        url: http://169.254.169.254/latest/meta-data
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db, namespace: shop}
      spec:
        type: ExternalName
        externalName: db.example.com
    `,
    expected: [],
  },
  {
    name: 'reports env values, command and args items of every container type',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: fetcher, namespace: shop}
      spec:
        selector: {matchLabels: {app: fetcher}}
        template:
          metadata: {labels: {app: fetcher}}
          spec:
            initContainers:
              - name: creds
                image: curl
                command: [sh, -c, "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/"]
            containers:
              - name: app
                image: app
                env:
                  - name: METADATA_URL
                    value: http://[FD00:EC2::254]/latest/meta-data
                  - name: GCE_HOST
                    value: metadata.google.internal
                args: ["--endpoint", "http://100.100.100.200/latest/meta-data/ram/security-credentials/"]
            ephemeralContainers:
              - name: debug
                image: curl
                args: ["curl", "-H", "Metadata: true", "http://169.254.169.254/metadata/instance?api-version=2021-02-01"]
    `,
    expected: [
      {
        line: 12,
        column: 29,
        container: 'creds',
        severity: 'high',
        message:
          'Init container "creds" command references 169.254.169.254, the instance metadata service of AWS, Azure, GCP and others: the workload reads node metadata or the node\'s credentials directly',
      },
      {
        line: 18,
        column: 15,
        container: 'app',
        message: 'Container "app" env METADATA_URL references fd00:ec2::254, the EC2 IPv6 metadata endpoint',
      },
      {
        line: 20,
        column: 15,
        container: 'app',
        message: 'env GCE_HOST references metadata.google.internal, the Google Cloud metadata server',
      },
      {
        line: 21,
        column: 32,
        container: 'app',
        message: 'args references 100.100.100.200, the Alibaba Cloud ECS metadata service',
      },
      {
        line: 25,
        column: 50,
        container: 'debug',
        message: 'Ephemeral container "debug" args references 169.254.169.254',
      },
    ],
  },
  {
    name: 'reports probe and lifecycle hosts, headers and exec commands, and pod hostAliases',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: probe, namespace: shop}
      spec:
        hostAliases:
          - ip: 169.254.169.254
            hostnames: [metadata]
        containers:
          - name: app
            image: app
            readinessProbe:
              httpGet:
                host: 169.254.169.254
                path: /latest/meta-data
                port: 80
            livenessProbe:
              httpGet:
                path: /
                port: 80
                httpHeaders:
                  - {name: Host, value: metadata.google.internal}
            startupProbe:
              tcpSocket: {host: 100.100.100.200, port: 80}
            lifecycle:
              preStop:
                exec:
                  command: [curl, "http://169.254.169.254/latest/api/token"]
    `,
    expected: [
      { line: 6, column: 7, message: "The pod's hostAliases entry #1 references 169.254.169.254" },
      {
        line: 13,
        column: 11,
        container: 'app',
        message: 'Container "app" readinessProbe host references 169.254.169.254',
      },
      {
        line: 21,
        column: 28,
        container: 'app',
        message: 'livenessProbe header references metadata.google.internal',
      },
      { line: 23, column: 21, container: 'app', message: 'startupProbe host references 100.100.100.200' },
      { line: 27, column: 29, container: 'app', message: 'preStop hook command references 169.254.169.254' },
    ],
  },
  {
    name: 'reports ConfigMap data values and ExternalName Services outside system namespaces',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: proxy, namespace: shop}
      data:
        upstream: "https://example.com"
        nginx.conf: |
          location /meta { proxy_pass http://169.254.169.254/; }
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: metadata, namespace: shop}
      spec:
        type: ExternalName
        externalName: metadata.google.internal
    `,
    expected: [
      { line: 6, column: 3, message: 'ConfigMap "proxy" key "nginx.conf" references 169.254.169.254' },
      { line: 14, column: 3, message: 'Service "metadata" externalName references metadata.google.internal' },
    ],
  },
  {
    name: 'configured system namespaces are skipped too',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: agent, namespace: amazon-cloudwatch}
      data:
        endpoint: http://169.254.169.254
    `,
    settings: { systemNamespaces: ['amazon-cloudwatch'] },
    expected: [],
  },
];

describe('metadata-endpoint-reference', () => {
  testRuleCases(rule, cases);
});
