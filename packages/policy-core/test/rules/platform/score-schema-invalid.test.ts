import rule from '../../../src/rules/platform/score-schema-invalid.js';
import { validateScore } from '../../../src/rules/platform/score-schema.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes a full valid Score file (mapping form of files and volumes, probes, service, resources, unquoted image: .)',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
        team: payments
        annotations:
          example.com/owner: payments
      service:
        ports:
          http:
            port: 80
            targetPort: 8080
            protocol: TCP
      containers:
        main:
          image: ghcr.io/acme/web:1.4.2
          command: ["/bin/web"]
          args: ["--port", "8080"]
          variables:
            DB_HOST: \${resources.db.host}
          files:
            /etc/web/config.yaml:
              mode: "0644"
              content: |
                port: 8080
            /etc/web/logo.png:
              binaryContent: aGVsbG8=
          volumes:
            /data:
              source: \${resources.data}
              readOnly: true
          resources:
            requests:
              cpu: 250m
              memory: 1.5Gi
            limits:
              cpu: "1"
              memory: 2Gi
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
              scheme: HTTP
              httpHeaders:
                - name: X-Probe
                  value: liveness
          readinessProbe:
            exec:
              command: ["/bin/ready"]
        sidecar:
          image: .
          before:
            main:
              ready: healthy
      resources:
        db:
          type: postgres
          class: large
          id: shared-db
          params:
            version: 16
        data:
          type: volume
    `,
    expected: [],
  },
  {
    name: 'passes the deprecated list form of files and volumes',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          files:
            - target: /etc/app.conf
              source: ./app.conf
          volumes:
            - source: \${resources.data}
              target: /data
    `,
    expected: [],
  },
  {
    name: 'reports the apiVersion, an invalid name and missing containers',
    yaml: yaml`
      apiVersion: score.dev/v1
      metadata:
        name: My_App
    `,
    expected: [
      { line: 1, column: 1, message: '"containers" is required' },
      { line: 1, column: 1, message: 'apiVersion: must be "score.dev/v1b1" (got "score.dev/v1")' },
      { line: 3, column: 3, message: 'metadata.name: must be an RFC 1123 label' },
    ],
  },
  {
    name: 'reports unknown keys with a suggestion, and a missing image',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          imag: nginx:1.27
          variable:
            A: b
      servce:
        ports: {}
    `,
    expected: [
      { line: 5, column: 3, message: 'containers.main: "image" is required' },
      { line: 6, column: 5, message: 'containers.main.imag: unknown key "imag" (did you mean "image"?)' },
      { line: 7, column: 5, message: 'unknown key "variable" (did you mean "variables"?)' },
      { line: 9, column: 1, message: 'servce: unknown key "servce" (did you mean "service"?)' },
    ],
  },
  {
    name: 'reports map keys that are not labels, at the key',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        Main:
          image: nginx:1.27
          variables:
            "A=B": x
      resources:
        my_db:
          type: postgres
    `,
    expected: [
      { line: 5, column: 3, message: 'container name "Main" must be an RFC 1123 label' },
      { line: 8, column: 7, message: 'variable name "A=B" must not contain "="' },
      { line: 10, column: 3, message: 'resource name "my_db" must be an RFC 1123 label' },
    ],
  },
  {
    name: 'reports file problems: no content source, two sources, unquoted mode, target in the mapping form',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          files:
            /etc/a:
              mode: 0644
              source: ./a
            /etc/b:
              source: ./b
              content: b
            /etc/c:
              target: /etc/c
              content: c
            /etc/d:
              noExpand: true
    `,
    expected: [
      { line: 9, column: 9, message: 'files["/etc/a"].mode: must be a quoted octal string such as "0644"' },
      {
        line: 11,
        column: 7,
        message: 'files["/etc/b"]: set only one of "source", "content" or "binaryContent"',
      },
      { line: 15, column: 9, message: '"target" belongs to the deprecated list form of files' },
      {
        line: 17,
        column: 7,
        message: 'files["/etc/d"]: needs one of "source", "content" or "binaryContent"',
      },
    ],
  },
  {
    name: 'reports volumes, quantities, probes, ports and resources',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: ""
          volumes:
            - target: /data
          resources:
            limits:
              memory: 1gb
              cpu: 2 cores
          livenessProbe:
            httpGet:
              port: 70000
              scheme: http
      service:
        ports:
          http:
            port: 80
            protocol: tcp
      resources:
        db:
          type: p
          id: Shared
    `,
    expected: [
      { line: 6, column: 5, message: 'containers.main.image: must not be empty' },
      { line: 8, column: 9, message: 'containers.main.volumes[0]: "source" is required' },
      { line: 11, column: 9, message: 'limits.memory: must be a memory quantity' },
      { line: 12, column: 9, message: 'limits.cpu: must be a CPU quantity' },
      { line: 14, column: 7, message: 'httpGet: "path" is required' },
      {
        line: 15,
        column: 9,
        message: 'httpGet.port: must be a port number from 1 to 65535 (got the number 70000)',
      },
      { line: 16, column: 9, message: 'httpGet.scheme: must be one of HTTP, HTTPS (did you mean "HTTP"?)' },
      { line: 21, column: 7, message: 'protocol: must be one of TCP, UDP (did you mean "TCP"?)' },
      { line: 24, column: 5, message: 'resources.db.type: must be 2 to 63 letters' },
      { line: 25, column: 5, message: 'resources.db.id: must be lowercase labels' },
    ],
  },
  {
    name: 'reports values of the wrong type, with a quoting hint for scalars',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          args: ["--port", 8080]
          variables:
            PORT: 8080
          volumes: /data
    `,
    expected: [
      { line: 7, column: 22, message: 'args[1]: must be a string (got the number 8080); quote the value' },
      {
        line: 9,
        column: 7,
        message: 'variables.PORT: must be a string (got the number 8080); quote the value',
      },
      { line: 10, column: 5, message: 'volumes: must be a mapping (key: value) (got "/data")' },
    ],
  },
  {
    name: 'is not run on Kubernetes objects',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: Not_A_Label
      data:
        apiVersion: score.dev/v1
    `,
    expected: [],
  },
];

describe('score-schema-invalid', () => {
  testRuleCases(rule, cases);

  it('validates directly, without duplicates', () => {
    expect(
      validateScore({
        apiVersion: 'score.dev/v1b1',
        metadata: { name: 'ok' },
        containers: { main: { image: 'x' } },
      }),
    ).toEqual([]);
    expect(validateScore({ apiVersion: 'score.dev/v1b1', metadata: {}, containers: {} })).toEqual([
      { path: ['metadata'], message: 'metadata: "name" is required' },
      { path: ['containers'], message: 'containers: must define at least one container' },
    ]);
  });
});
