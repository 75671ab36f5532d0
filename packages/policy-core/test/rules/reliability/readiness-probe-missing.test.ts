import rule from '../../../src/rules/reliability/readiness-probe-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector:
      app: web
    ports:
      - port: 80
        targetPort: http
`;

const cases: RuleCase[] = [
  {
    name: 'passes when the container a Service targets has a readiness probe',
    yaml:
      SERVICE +
      '---\n' +
      yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: web:1
                ports:
                  - name: http
                    containerPort: 8080
                readinessProbe:
                  httpGet:
                    path: /ready
                    port: http
              - name: metrics-agent
                image: agent:1
    `,
    expected: [],
  },
  {
    name: 'reports the container serving the Service target port, naming the Service',
    yaml:
      SERVICE +
      '---\n' +
      yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: web
              tier: frontend
          spec:
            containers:
              - name: agent
                image: agent:1
              - name: web
                image: web:1
                ports:
                  - name: http
                    containerPort: 8080
    `,
    expected: [
      {
        line: 26,
        column: 11,
        container: 'web',
        message: 'Container "web" has no readinessProbe although Service "web" sends it traffic',
      },
    ],
  },
  {
    name: 'reports every regular container when no container declares the target port',
    yaml:
      SERVICE +
      '---\n' +
      yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          app: web
      spec:
        initContainers:
          - name: proxy
            image: proxy:1
            restartPolicy: Always
        containers:
          - name: a
            image: a:1
          - name: b
            image: b:1
            readinessProbe:
              tcpSocket:
                port: 8080
    `,
    expected: [{ line: 24, container: 'a' }],
  },
  {
    name: 'reports a sidecar that declares the targeted port (numeric targetPort)',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: mesh
      spec:
        selector:
          app: web
        ports:
          - port: 443
            targetPort: 8443
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: web
          spec:
            initContainers:
              - name: proxy
                image: proxy:1
                restartPolicy: Always
                ports:
                  - containerPort: 8443
            containers:
              - name: web
                image: web:1
    `,
    expected: [
      {
        line: 23,
        container: 'proxy',
        message: 'Init container "proxy" has no readinessProbe although Service "mesh"',
      },
    ],
  },
  {
    name: 'workers no Service selects are not reported when the namespace has Services',
    yaml:
      SERVICE +
      '---\n' +
      yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: worker
      spec:
        template:
          metadata:
            labels:
              app: worker
          spec:
            containers:
              - name: worker
                image: worker:1
                ports:
                  - containerPort: 9090
    `,
    expected: [],
  },
  {
    name: 'without any Service in the namespace, reports regular containers that declare a port',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: elsewhere
        namespace: other
      spec:
        selector:
          app: web
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: web:1
                ports:
                  - name: http
                  - containerPort: 8080
              - name: worker
                image: worker:1
    `,
    expected: [
      {
        line: 22,
        column: 11,
        container: 'web',
        message: 'Container "web" declares port 8080 but has no readinessProbe',
      },
    ],
  },
  {
    name: 'skips Jobs, CronJobs and bare Pods that run to completion',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app: web
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: job
      spec:
        template:
          metadata:
            labels:
              app: web
          spec:
            restartPolicy: Never
            containers:
              - name: job
                image: job:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
        labels:
          app: web
      spec:
        restartPolicy: OnFailure
        containers:
          - name: once
            image: once:1
    `,
    expected: [],
  },
  {
    name: 'skips templated pod labels and ExternalName Services',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: external
      spec:
        type: ExternalName
        externalName: example.com
        selector:
          app: web
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app: \${app}
          spec:
            containers:
              - name: web
                image: web:1
                ports:
                  - containerPort: 8080
    `,
    expected: [],
  },
  {
    name: 'a Service without a namespace counts; targetPort defaults to port',
    yaml: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      spec:
        selector:
          app: api
        ports:
          - port: 9000
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        template:
          metadata:
            labels:
              app: api
          spec:
            containers:
              - name: admin
                image: admin:1
                ports:
                  - containerPort: 8080
              - name: api
                image: api:1
                ports:
                  - containerPort: 9000
    `,
    expected: [
      { line: 27, container: 'api', message: 'Container "api" has no readinessProbe although Service "api"' },
    ],
  },
];

describe('readiness-probe-missing', () => {
  testRuleCases(rule, cases);
});
