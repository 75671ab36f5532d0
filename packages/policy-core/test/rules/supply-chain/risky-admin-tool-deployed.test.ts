import rule from '../../../src/rules/supply-chain/risky-admin-tool-deployed.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const cases: RuleCase[] = [
  {
    name: 'passes ordinary workloads and the dashboard metrics scraper alone',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: scraper
        namespace: kubernetes-dashboard
      spec:
        template:
          spec:
            containers:
              - name: scraper
                image: kubernetesui/metrics-scraper:v1.0.9
              - name: app
                image: ghcr.io/acme/dashboard:1.0
    `,
    expected: [],
  },
  {
    name: 'reports a default helm init Tiller as critical',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: tiller-deploy
        namespace: kube-system
      spec:
        template:
          metadata:
            labels:
              app: helm
              name: tiller
          spec:
            serviceAccountName: tiller
            containers:
              - name: tiller
                image: gcr.io/kubernetes-helm/tiller:v2.16.12
                env:
                  - name: TILLER_NAMESPACE
                    value: kube-system
    `,
    expected: [
      {
        line: 16,
        column: 11,
        container: 'tiller',
        severity: 'critical',
        message: 'Container "tiller" runs Helm v2 Tiller without TLS client verification on all interfaces',
      },
    ],
  },
  {
    name: 'Tiller with TLS verification or bound to localhost is high',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: tiller-tls
      spec:
        template:
          spec:
            containers:
              - name: tiller
                image: ghcr.io/helm/tiller:v2.17.0
                env:
                  - name: TILLER_TLS_VERIFY
                    value: "1"
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: tiller-local
      spec:
        template:
          spec:
            containers:
              - name: tiller
                image: gcr.io/kubernetes-helm/tiller:v2.16.1
                command: ["/tiller"]
                args: ["--listen=localhost:44134"]
    `,
    expected: [
      { line: 10, severity: 'high', message: 'runs Helm v2 Tiller with TLS client verification;' },
      { line: 24, severity: 'high', message: 'on localhost only, without TLS client verification' },
    ],
  },
  {
    name: 'finds Tiller by its helm init labels when the image is mirrored under another name',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: tiller-deploy
      spec:
        template:
          metadata:
            labels:
              app: helm
              name: tiller
          spec:
            containers:
              - name: tiller
                image: registry.corp/mirror/helm-server:2.16
    `,
    expected: [{ line: 13, column: 11, container: 'tiller', severity: 'critical' }],
  },
  {
    name: 'reports the Kubernetes Dashboard as medium, high with skip-login or insecure login',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: kubernetes-dashboard
      spec:
        template:
          spec:
            containers:
              - name: kubernetes-dashboard
                image: kubernetesui/dashboard:v2.7.0
                args:
                  - --auto-generate-certificates
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: dashboard-open
      spec:
        template:
          spec:
            containers:
              - name: kubernetes-dashboard
                image: docker.io/kubernetesui/dashboard:v2.7.0
                args:
                  - --enable-skip-login
                  - --enable-insecure-login=true
                  - --disable-settings-authorizer=false
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: dashboard-api
      spec:
        template:
          spec:
            containers:
              - name: api
                image: docker.io/kubernetesui/dashboard-api:1.10.1
                args: ["--enable-skip-login=false"]
    `,
    expected: [
      {
        line: 10,
        severity: 'medium',
        message: 'Container "kubernetes-dashboard" runs the Kubernetes Dashboard: a web UI',
      },
      {
        line: 23,
        severity: 'high',
        message: 'runs the Kubernetes Dashboard with --enable-skip-login, --enable-insecure-login:',
      },
      { line: 38, severity: 'medium', message: 'Container "api" runs the Kubernetes Dashboard:' },
    ],
  },
  {
    name: 'old dashboards (before 1.7) had no login',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: old
      spec:
        containers:
          - name: dashboard
            image: k8s.gcr.io/kubernetes-dashboard-amd64:v1.6.3
          - name: newer
            image: k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1
    `,
    expected: [
      { line: 8, severity: 'high', message: 'with version v1.6.3 (before 1.7 the Dashboard had no login' },
      { line: 10, severity: 'medium', container: 'newer' },
    ],
  },
];

describe('risky-admin-tool-deployed', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);
});
