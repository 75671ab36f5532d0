import rule, { fieldPath, pluralOf } from '../../src/custom/admission-policies.js';
import { testRuleCases, yaml, type RuleCase } from '../rules/harness.js';

const policy = yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicy
  metadata:
    name: replica-limit
  spec:
    failurePolicy: Fail
    matchConstraints:
      resourceRules:
        - apiGroups: [apps]
          apiVersions: [v1]
          operations: [CREATE, UPDATE]
          resources: [deployments]
    matchConditions:
      - name: not-paused
        expression: "!has(object.spec.paused) || !object.spec.paused"
    variables:
      - name: replicas
        expression: "has(object.spec.replicas) ? object.spec.replicas : 1"
    validations:
      - expression: "variables.replicas <= 5"
        messageExpression: "'replicas must be at most 5, got ' + string(variables.replicas)"
        fieldPath: spec.replicas
`;

const deployment = (name: string, replicas: number, extra = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
  spec:
    replicas: ${replicas}${extra}
    template:
      spec:
        containers:
          - name: app
            image: app:1
`;

const binding = (actions: string, selector = '') => yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicyBinding
  metadata:
    name: replica-limit-binding
  spec:
    policyName: replica-limit
    validationActions: [${actions}]${selector}
`;

const cases: RuleCase[] = [
  {
    name: 'passes objects that satisfy the policy and ignores kinds it does not match',
    yaml: [policy, deployment('small', 3), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'].join('---\n'),
    expected: [],
  },
  {
    name: 'reports a violation at the fieldPath, with the messageExpression, medium when unbound',
    yaml: [policy, deployment('big', 9)].join('---\n'),
    expected: [
      {
        line: 29,
        column: 3,
        severity: 'medium',
        message:
          'ValidatingAdmissionPolicy "replica-limit" would reject this object once bound (no binding in the scan): replicas must be at most 5, got 9',
      },
    ],
  },
  {
    name: 'takes the severity from the binding: Deny is high, Warn medium',
    yaml: [policy, binding('Deny'), deployment('big', 9)].join('---\n'),
    expected: [{ line: 37, severity: 'high', message: 'would reject this object: replicas must be at most 5, got 9' }],
  },
  {
    name: 'skips objects excluded by matchConditions',
    yaml: [policy, deployment('paused', 9, '\n    paused: true')].join('---\n'),
    expected: [],
  },
  {
    name: "skips objects outside every binding's objectSelector",
    yaml: [
      policy,
      binding('Warn', '\n    matchResources:\n      objectSelector:\n        matchLabels:\n          enforce: "yes"'),
      deployment('big', 9),
    ].join('---\n'),
    expected: [],
  },
];

describe('admission-policy-violation', () => {
  testRuleCases(rule, cases);

  it('parses fieldPath forms and pluralises kinds like the API does', () => {
    expect(fieldPath(".spec.containers[0].image")).toEqual(['spec', 'containers', 0, 'image']);
    expect(fieldPath("metadata.labels['app.kubernetes.io/name']")).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
    expect(['Deployment', 'NetworkPolicy', 'Ingress', 'Endpoints', 'Pod'].map(pluralOf)).toEqual([
      'deployments',
      'networkpolicies',
      'ingresses',
      'endpoints',
      'pods',
    ]);
  });
});
