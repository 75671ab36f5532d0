import rule from '../../../src/rules/platform/score-literal-secret.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes placeholders, connection strings built from placeholders and non-secret values',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          variables:
            DB_PASSWORD: \${resources.db.password}
            API_TOKEN: "Bearer \${resources.api.token}"
            DB_CONNECTION_STRING: "postgresql://\${resources.db.username}:\${resources.db.password}@\${resources.db.host}:5432/app?sslmode=require"
            PASSWORD_FILE: /run/secrets/db
            SECRET_NAME: db-credentials
            AUTH_TOKEN_TTL: 30m
            ADMIN_PASSWORD: changeme
            CLIENT_SECRET: ""
            LOG_LEVEL: debug
          files:
            /etc/app.conf:
              content: |
                password = \${resources.db.password}
    `,
    expected: [],
  },
  {
    name: 'reports secret-named variables with literal values, camelCase names included',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          variables:
            DB_PASSWORD: hunter2-prod
            clientSecret: 0f9a8b7c6d5e
            AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY
            API_KEY: "k3y-\${resources.api.suffix}"
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message: 'Container "main" sets variable DB_PASSWORD to a literal value (12 characters)',
        container: 'main',
      },
      { line: 9, column: 7, message: 'variable clientSecret to a literal value (12 characters)' },
      { line: 10, column: 7, message: 'variable AWS_SECRET_ACCESS_KEY to a literal value (38 characters)' },
      { line: 11, column: 7, message: 'variable API_KEY to a literal value' },
    ],
  },
  {
    name: 'reports credential shapes whatever the variable name',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          variables:
            GITHUB: ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789
            UPSTREAM: https://svc:s3cr3tpass@api.example.com/v1
            NEXT: \${resources.db.host}
    `,
    expected: [
      { line: 8, message: 'variable GITHUB to a value with the shape of a GitHub token' },
      { line: 9, message: 'variable UPSTREAM to a value with the shape of a URL with password' },
    ],
  },
  {
    name: 'reports credentials in inline file content and decoded binaryContent, in both file forms',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          files:
            /etc/tls/key.pem:
              mode: "0400"
              content: |
                -----BEGIN PRIVATE KEY-----
                MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
                -----END PRIVATE KEY-----
            /etc/tls/legacy.pem:
              binaryContent: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3cKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K
            /etc/tls/ca.pem:
              content: |
                -----BEGIN CERTIFICATE-----
                MIIB
                -----END CERTIFICATE-----
        worker:
          image: nginx:1.27
          files:
            - target: /root/.aws/credentials
              content: "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"
    `,
    expected: [
      {
        line: 10,
        column: 9,
        message: 'writes file "/etc/tls/key.pem" with inline content containing a private key',
        container: 'main',
      },
      {
        line: 15,
        column: 9,
        message: 'file "/etc/tls/legacy.pem" with inline binaryContent containing a private key',
      },
      {
        line: 25,
        column: 9,
        message:
          'Container "worker" writes file "/root/.aws/credentials" with inline content containing an AWS access key id',
        container: 'worker',
      },
    ],
  },
  {
    name: 'is not run on Kubernetes workloads',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: app
            image: nginx:1.27
            variables:
              DB_PASSWORD: hunter2-prod
    `,
    expected: [],
  },
];

describe('score-literal-secret', () => {
  testRuleCases(rule, cases);

  it('never prints the value', () => {
    const findings = runRule(
      rule,
      'apiVersion: score.dev/v1b1\nmetadata:\n  name: web\ncontainers:\n  main:\n    image: x:1\n    variables:\n      DB_PASSWORD: hunter2-prod\n',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).not.toContain('hunter2');
  });
});
