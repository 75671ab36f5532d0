import rule from '../../../src/rules/identity/deprecated-service-account-field.js';
import { runRule, testRuleCases, yaml, type RuleCase } from '../harness.js';

const aliasOnly = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: a
  spec:
    serviceAccount: web
    containers:
      - name: a
        image: nginx
`;

const cases: RuleCase[] = [
  {
    name: 'passes with serviceAccountName only, or both fields equal (kubectl get output), or an empty alias',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccountName: web
        containers:
          - name: a
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccountName: web
        serviceAccount: web
        containers:
          - name: b
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: c
      spec:
        serviceAccount: ""
        containers:
          - name: c
            image: nginx
    `,
    expected: [],
  },
  {
    name: 'reports the alias used alone (low)',
    yaml: aliasOnly,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'low',
        message: 'The pod sets the deprecated serviceAccount field ("web") instead of serviceAccountName.',
      },
    ],
  },
  {
    name: 'reports a conflicting alias (medium)',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            serviceAccount: admin
            serviceAccountName: web
            containers:
              - name: web
                image: nginx
    `,
    expected: [
      {
        line: 8,
        column: 7,
        severity: 'medium',
        message:
          'differs from serviceAccountName ("web"): the API server ignores serviceAccount and runs the pod as "web"',
      },
    ],
  },
  {
    name: 'a templated conflict is not judged, a templated alias alone is still deprecated',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
      spec:
        serviceAccount: \${SA}
        serviceAccountName: web
        containers:
          - name: a
            image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
      spec:
        serviceAccount: \${SA}
        containers:
          - name: b
            image: nginx
    `,
    expected: [{ line: 17, severity: 'low', message: 'deprecated serviceAccount field ("${SA}")' }],
  },
];

describe('deprecated-service-account-field', () => {
  testRuleCases(rule, cases);

  it('offers a rename fix for safe names only', () => {
    const [finding] = runRule(rule, aliasOnly);
    expect(finding?.fix).toEqual({
      description: 'Rename serviceAccount to serviceAccountName',
      replacement: '  serviceAccountName: web',
    });
    const [templated] = runRule(rule, aliasOnly.replace('serviceAccount: web', 'serviceAccount: ${SA}'));
    expect(templated?.fix).toBeUndefined();
  });
});
