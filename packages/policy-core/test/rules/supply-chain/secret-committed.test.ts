import rule from '../../../src/rules/supply-chain/secret-committed.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const CERT_B64 = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const PRIVATE_KEY_B64 = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUIKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=';

const cases: RuleCase[] = [
  {
    name: 'passes empty Secrets, placeholders, templates, public certificates and SOPS files',
    yaml: yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: placeholders
      type: Opaque
      data:
        password: Y2hhbmdlbWU=
        enabled: dHJ1ZQ==
        path: L3Zhci9ydW4veA==
        templated: "{{ password }}"
        empty: ""
      stringData:
        token: "\${API_TOKEN}"
        other: "<set me>"
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: ca
      data:
        ca.crt: ${CERT_B64}
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: sa-token
        annotations:
          kubernetes.io/service-account.name: app
      type: kubernetes.io/service-account-token
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: encrypted
      stringData:
        password: ENC[AES256_GCM,data:Tr7o,iv:1=,tag:2=,type:str]
      sops:
        version: 3.9.0
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: nothing
      data: {}
    `,
    expected: [],
  },
  {
    name: 'reports data and stringData with real values, one finding per field, listing the keys',
    yaml: yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: db
        namespace: shop
      type: Opaque
      data:
        username: YWRtaW4=
        password: czNjcjN0LXBhc3N3b3Jk
        placeholder: Y2hhbmdlbWU=
      stringData:
        api-token: plain-text-token-123
    `,
    expected: [
      {
        line: 7,
        column: 1,
        severity: 'medium',
        message:
          'Secret "db" has 2 real values in data ("username", "password"): anyone with access to the repository',
      },
      {
        line: 11,
        column: 1,
        severity: 'medium',
        message: 'Secret "db" has a real value in stringData ("api-token")',
      },
    ],
  },
  {
    name: 'escalates to high when a value is a known credential shape',
    yaml: yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: tls
      type: kubernetes.io/tls
      data:
        tls.crt: ${CERT_B64}
        tls.key: ${PRIVATE_KEY_B64}
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: aws
      stringData:
        AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
    `,
    expected: [
      {
        line: 6,
        severity: 'high',
        message: 'has a real value in data ("tls.key") (key "tls.key" holds a private key)',
      },
      { line: 14, severity: 'high', message: '(key "AWS_ACCESS_KEY_ID" holds an AWS access key id)' },
    ],
  },
  {
    name: 'config files kept in Secrets count only when they hold a credential',
    yaml: yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: configs
      stringData:
        grafana.ini: |
          [date_formats]
          default_timezone = UTC
        query.yaml: '[{"static_configs": ["thanos-query.default.svc.cluster.local"]}]'
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: alertmanager
      stringData:
        alertmanager.yaml: |
          global:
            smtp_smarthost: smtp.example.com:587
            smtp_auth_password: mail-pass-42
    `,
    expected: [
      {
        line: 15,
        severity: 'medium',
        message: 'Secret "alertmanager" has a real value in stringData ("alertmanager.yaml")',
      },
    ],
  },
  {
    name: 'judges a value that is not valid base64 as written',
    yaml: yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: raw
      data:
        password: not base64 at all!
    `,
    expected: [{ line: 5, message: 'Secret "raw" has a real value in data ("password")' }],
  },
  {
    name: 'checks Secrets inside a List and names at most three keys',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Secret
          metadata:
            name: many
          stringData:
            a: value-one-1
            b: value-two-2
            c: value-three-3
            d: value-four-4
    `,
    expected: [{ line: 8, column: 5, message: '4 real values in stringData ("a", "b", "c" and 1 more)' }],
  },
];

describe('secret-committed', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);

  it('never prints the values', () => {
    const findings = runRule(
      rule,
      yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: leak
        data:
          password: czNjcjN0LXBhc3N3b3Jk
        stringData:
          token: VerySecretValue42
      `,
    );
    expect(findings).toHaveLength(2);
    for (const finding of findings) expect(finding.message).not.toMatch(/s3cr3t|czNjcjN0|VerySecretValue42/);
  });
});
