import rule from '../../../src/rules/supply-chain/secret-in-env-reference.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const cases: RuleCase[] = [
  {
    name: 'passes Secrets mounted as files and env from ConfigMaps or literals',
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
              - name: DB_PASSWORD_FILE
                value: /etc/secrets/db/password
              - name: MODE
                valueFrom:
                  configMapKeyRef:
                    name: settings
                    key: mode
            envFrom:
              - configMapRef:
                  name: settings
            volumeMounts:
              - name: db
                mountPath: /etc/secrets/db
                readOnly: true
        volumes:
          - name: db
            secret:
              secretName: db
    `,
    expected: [],
  },
  {
    name: 'reports secretKeyRef and envFrom secretRef entries',
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
                  - name: DB_PASSWORD
                    valueFrom:
                      secretKeyRef:
                        name: db
                        key: password
                envFrom:
                  - prefix: APP_
                    secretRef:
                      name: app-secrets
    `,
    expected: [
      {
        line: 14,
        column: 17,
        container: 'api',
        message:
          'Container "api" reads key "password" of Secret "db" into env DB_PASSWORD: environment variables leak',
      },
      {
        line: 19,
        column: 15,
        container: 'api',
        message: 'loads every key of Secret "app-secrets" into its environment (envFrom)',
      },
    ],
  },
  {
    name: 'checks init and ephemeral containers',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: all
      spec:
        initContainers:
          - name: migrate
            image: migrate:1
            envFrom:
              - secretRef:
                  name: db
        containers:
          - name: app
            image: app:1
        ephemeralContainers:
          - name: debug
            image: busybox:1.36
            env:
              - name: TOKEN
                valueFrom:
                  secretKeyRef:
                    name: api
                    key: token
    `,
    expected: [
      { line: 10, container: 'migrate', message: 'Init container "migrate" loads every key of Secret "db"' },
      {
        line: 21,
        container: 'debug',
        message: 'Ephemeral container "debug" reads key "token" of Secret "api"',
      },
    ],
  },
];

describe('secret-in-env-reference', () => {
  it('is off by default (strict profile only)', () => {
    expect(rule.meta.recommended).toBe(false);
  });
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);
});
