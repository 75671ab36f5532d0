import rule from '../../../src/rules/supply-chain/literal-secret-in-env.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5F6'.repeat(3)}`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

const cases: RuleCase[] = [
  {
    name: 'passes placeholders, references, metadata names and non-secret values',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: app:1
            env:
              - name: DB_PASSWORD
                value: changeme
              - name: API_KEY
                value: "$(API_KEY_FROM_SECRET)"
              - name: CLIENT_SECRET
                value: "\${CLIENT_SECRET}"
              - name: ADMIN_TOKEN
                value: "<set at deploy time>"
              - name: POSTGRES_PASSWORD_FILE
                value: /run/secrets/db/password
              - name: TOKEN_TTL
                value: "3600"
              - name: SESSION_SECRET_NAME
                value: session-keys
              - name: TOKEN_AUDIENCE
                value: sts.amazonaws.com
              - name: AUTH_ENABLED
                value: "true"
              - name: ENCRYPTED_PASSWORD
                value: "ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]"
              - name: AWS_ACCESS_KEY_ID_PARAM
                value: /prod/aws/key
              - name: REFRESH_TOKEN_LIFETIME
                value: 30d
              - name: DB_PASSWORD_FROM_SECRET
                valueFrom:
                  secretKeyRef:
                    name: db
                    key: password
              - name: GREETING
                value: hello world
            args: ["--password-file=/run/secrets/pw", "--token", "--verbose", "--secret", "volcano-admission-secret"]
    `,
    expected: [],
  },
  {
    name: 'reports a literal under a secret-like name, on the value, with its length only',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api
                image: api:1
                env:
                  - name: LOG_LEVEL
                    value: info
                  - name: DB_PASSWORD
                    value: s3cr3t-Pa55
                  - name: jwtSecret
                    value: "0123456789abcdef"
    `,
    expected: [
      {
        line: 15,
        column: 15,
        container: 'api',
        message:
          'Container "api" sets env DB_PASSWORD to a literal value (11 characters): anyone who can read the manifest',
      },
      { line: 17, column: 15, message: 'sets env jwtSecret to a literal value (16 characters)' },
    ],
  },
  {
    name: 'reports known credential shapes whatever the name',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: shapes
      spec:
        containers:
          - name: app
            image: app:1
            env:
              - name: CONFIG_TOKEN_VALUE
                value: ${GITHUB_TOKEN}
              - name: DATABASE_URL
                value: postgres://app:hunter22@db:5432/app
              - name: BOOTSTRAP
                value: ${JWT}
    `,
    expected: [
      { line: 11, message: 'sets env CONFIG_TOKEN_VALUE to a GitHub token' },
      { line: 13, message: 'sets env DATABASE_URL to a URL with password' },
      { line: 15, message: 'sets env BOOTSTRAP to a JSON web token' },
    ],
  },
  {
    name: 'recommends workload identity for static cloud credentials',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: cloud
      spec:
        containers:
          - name: app
            image: app:1
            env:
              - name: AWS_ACCESS_KEY_ID
                value: AKIAIOSFODNN7EXAMPLE
              - name: AWS_SECRET_ACCESS_KEY
                value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
              - name: AZURE_CLIENT_SECRET
                value: abc8Q~defGhIjkLmnoPqrStuvWxyz
              - name: GOOGLE_API_KEY
                value: AIzaSyA-1234567890abcdefghijklmnopqrstu
              - name: DIGITALOCEAN_ACCESS_TOKEN
                value: dop_v1_0123456789abcdef
    `,
    expected: [
      {
        line: 11,
        message: 'to an AWS access key id: use IAM roles for service accounts (IRSA) or EKS Pod Identity',
      },
      { line: 13, message: 'to a literal value (40 characters): use IAM roles for service accounts (IRSA)' },
      { line: 15, message: 'use Microsoft Entra Workload ID (Azure Workload Identity)' },
      { line: 17, message: 'to a Google API key: use GKE Workload Identity Federation' },
      { line: 19, message: 'use short-lived credentials from workload identity' },
    ],
  },
  {
    name: 'checks command and args: inline flags, flag pairs and credential shapes',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: args
      spec:
        containers:
          - name: app
            image: app:1
            command:
              - sh
              - -c
              - "curl -H 'Authorization: Bearer ${JWT}' http://api"
            args:
              - --password=hunter22
              - --api-key
              - abcd1234efgh5678
              - --token=\${TOKEN}
    `,
    expected: [
      { line: 12, column: 11, message: 'sets command[2] to a JSON web token' },
      { line: 14, column: 11, message: 'sets flag --password to a literal value (8 characters)' },
      { line: 16, column: 11, message: 'sets flag --api-key to a literal value (16 characters)' },
    ],
  },
  {
    name: 'checks init and ephemeral containers and CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: backup
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                initContainers:
                  - name: fetch
                    image: fetch:1
                    env:
                      - name: GITHUB_TOKEN
                        value: ${GITHUB_TOKEN}
                containers:
                  - name: backup
                    image: backup:1
                ephemeralContainers:
                  - name: debug
                    image: busybox:1.36
                    env:
                      - name: REDIS_PASS
                        value: redis-pass-123
    `,
    expected: [
      {
        line: 16,
        container: 'fetch',
        message: 'Init container "fetch" sets env GITHUB_TOKEN to a GitHub token',
      },
      { line: 25, container: 'debug', message: 'Ephemeral container "debug" sets env REDIS_PASS' },
    ],
  },
];

describe('literal-secret-in-env', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);

  it('never prints the secret value', () => {
    const findings = runRule(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: leak
        spec:
          containers:
            - name: app
              image: app:1
              env:
                - name: DB_PASSWORD
                  value: VerySecretValue42
                - name: TOKEN
                  value: ${GITHUB_TOKEN}
              args: ["--password=AnotherSecret99"]
      `,
    );
    expect(findings).toHaveLength(3);
    for (const finding of findings) {
      expect(finding.message).not.toMatch(/VerySecretValue42|AnotherSecret99|a1B2c3D4e5F6/);
    }
  });
});
