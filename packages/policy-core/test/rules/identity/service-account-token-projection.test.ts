import rule from '../../../src/rules/identity/service-account-token-projection.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with an audience and a short lifetime; other projected sources are ignored',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: vault-token
            projected:
              sources:
                - configMap:
                    name: ca
                - serviceAccountToken:
                    path: token
                    audience: vault
                    expirationSeconds: 86400
    `,
    expected: [],
  },
  {
    name: 'reports a token without audience at the source, an empty audience at the field',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tokens
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: api-token
            projected:
              sources:
                - serviceAccountToken:
                    path: token
          - name: empty
            projected:
              sources:
                - serviceAccountToken:
                    path: token
                    audience: ""
    `,
    expected: [
      {
        line: 13,
        column: 13,
        message:
          'Projected volume "api-token" requests a service account token without an audience: it is issued for the Kubernetes API server',
      },
      { line: 20, column: 15, message: 'Projected volume "empty"' },
    ],
  },
  {
    name: 'reports a lifetime above 24 hours at expirationSeconds, besides a missing audience',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx
            volumes:
              - name: token
                projected:
                  sources:
                    - serviceAccountToken:
                        path: token
                        expirationSeconds: 172800
    `,
    expected: [
      { line: 15, column: 17, message: 'without an audience' },
      {
        line: 17,
        column: 19,
        message: 'requests a service account token valid for 172800 seconds (48h), more than 24 hours',
      },
    ],
  },
  {
    name: 'templated values are not judged',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: t
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: token
            projected:
              sources:
                - serviceAccountToken:
                    path: token
                    audience: \${AUDIENCE}
                    expirationSeconds: \${TTL}
    `,
    expected: [],
  },
];

describe('service-account-token-projection', () => {
  testRuleCases(rule, cases);
});
