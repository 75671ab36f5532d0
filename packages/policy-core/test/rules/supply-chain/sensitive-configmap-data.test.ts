import rule from '../../../src/rules/supply-chain/sensitive-configmap-data.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

/** base64 of "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n" */
const PRIVATE_KEY_B64 = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUIKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=';

const cases: RuleCase[] = [
  {
    name: 'passes ordinary configuration, references, templates, code and public certificates',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app
      data:
        LOG_LEVEL: info
        DB_HOST: db.internal
        DB_PASSWORD_FILE: /etc/secrets/db/password
        TOKEN_TTL: 15m
        SECRET_NAME: app-secrets
        application.properties: |
          spring.datasource.url=jdbc:postgresql://db:5432/app
          spring.datasource.password=\${DB_PASSWORD}
          # password=not-a-real-one-just-a-comment
          auth.token = os.environ["TOKEN"]
          client_secret: get_secret("oauth")
          api_key: "{{ api_key }}"
          password:
        ca.crt: |
          -----BEGIN CERTIFICATE-----
          MIIBszCCAVmgAwIBAgIUB
          -----END CERTIFICATE-----
        README: Set the password in the vault before deploying this app
    `,
    expected: [],
  },
  {
    name: 'reports single-line values under secret-like keys, on the key',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app
        namespace: shop
      data:
        DB_PASSWORD: hunter22hunter
        apiKey: 0123456789abcdef
    `,
    expected: [
      {
        line: 7,
        column: 3,
        message:
          'ConfigMap "app" key "DB_PASSWORD" holds a literal value (14 characters) under a secret-like name: ConfigMaps are not encrypted',
      },
      { line: 8, column: 3, message: 'key "apiKey" holds a literal value (16 characters)' },
    ],
  },
  {
    name: 'reports config files by the line that assigns a secret',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: files
      data:
        application.properties: |
          server.port=8080
          spring.datasource.username=app
          spring.datasource.password=S3cr3tPassw0rd
        settings.json: |
          {
            "name": "svc",
            "clientSecret": "abcDEF123456"
          }
        app.xml: |
          <config>
            <password>xml-secret-99</password>
          </config>
        inline.env: "export API_TOKEN=tok_0123456789"
    `,
    expected: [
      {
        line: 6,
        message:
          'key "application.properties" assigns a literal value (14 characters) to "spring.datasource.password" (line 3 of the value)',
      },
      {
        line: 10,
        message:
          'key "settings.json" assigns a literal value (12 characters) to "clientSecret" (line 3 of the value)',
      },
      {
        line: 15,
        message: 'key "app.xml" assigns a literal value (13 characters) to "password" (line 2 of the value)',
      },
      { line: 19, message: 'key "inline.env" assigns a literal value (14 characters) to "API_TOKEN":' },
    ],
  },
  {
    name: 'reports credential shapes and key files, in data and binaryData',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: keys
      data:
        tls.pem: |
          -----BEGIN CERTIFICATE-----
          MIIBszCCAVmgAwIBAgIUB
          -----END CERTIFICATE-----
          -----BEGIN EC PRIVATE KEY-----
          MHcCAQEEIB
          -----END EC PRIVATE KEY-----
        server.key: MHcCAQEEIBaaaabbbbcccc
        notes: "deploy with AKIAIOSFODNN7EXAMPLE"
      binaryData:
        key.der: ${PRIVATE_KEY_B64}
        keystore.jks: /u3+7QAAAAIAAAAB
        logo.png: iVBORw0KGgoAAAANSUhEUg==
    `,
    expected: [
      { line: 6, message: 'key "tls.pem" contains a private key (line 4 of the value)' },
      { line: 13, message: 'key "server.key" holds a key file' },
      { line: 14, message: 'key "notes" contains an AWS access key id:' },
      { line: 16, message: 'binaryData key "key.der" contains a private key' },
      { line: 17, message: 'binaryData key "keystore.jks" holds a key file' },
    ],
  },
  {
    name: 'checks ConfigMaps inside a List',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: in-list
          data:
            PASSWORD: listed-secret-1
    `,
    expected: [{ line: 9, column: 7, message: 'ConfigMap "in-list" key "PASSWORD"' }],
  },
];

describe('sensitive-configmap-data', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);

  it('never prints the value', () => {
    const findings = runRule(
      rule,
      yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: leak
        data:
          DB_PASSWORD: VerySecretValue42
          app.conf: |
            password = AnotherSecret99
      `,
    );
    expect(findings).toHaveLength(2);
    for (const finding of findings) expect(finding.message).not.toMatch(/VerySecretValue42|AnotherSecret99/);
  });
});
