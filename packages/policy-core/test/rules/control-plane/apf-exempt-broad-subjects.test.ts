import rule from '../../../src/rules/control-plane/apf-exempt-broad-subjects.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes the built-in exempt and probes schemas and a health-check exemption for strangers',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: FlowSchema
      metadata:
        name: exempt
      spec:
        matchingPrecedence: 1
        priorityLevelConfiguration: {name: exempt}
        rules:
          - subjects: [{kind: Group, group: {name: system:masters}}]
            nonResourceRules: [{verbs: ["*"], nonResourceURLs: ["*"]}]
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: FlowSchema
      metadata:
        name: health-for-strangers
      spec:
        matchingPrecedence: 1000
        priorityLevelConfiguration: {name: exempt}
        rules:
          - subjects:
              - kind: Group
                group: {name: system:unauthenticated}
            nonResourceRules:
              - verbs: ["*"]
                nonResourceURLs: [/healthz, /livez, /readyz, /readyz/etcd]
    `,
    expected: [],
  },
  {
    name: 'passes narrow subjects on exempt and broad subjects on a Limited level',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: FlowSchema
      metadata:
        name: break-glass
      spec:
        priorityLevelConfiguration: {name: exempt}
        rules:
          - subjects:
              - {kind: User, user: {name: admin@example.com}}
              - {kind: ServiceAccount, serviceAccount: {namespace: ops, name: backup}}
            resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: ["*"], clusterScope: true}]
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: FlowSchema
      metadata:
        name: tenants
      spec:
        priorityLevelConfiguration: {name: workload-low}
        rules:
          - subjects: [{kind: Group, group: {name: system:authenticated}}]
            resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: ["*"]}]
    `,
    expected: [],
  },
  {
    name: 'reports each broad subject routed to exempt: cluster-wide critical, namespace-wide high',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: FlowSchema
      metadata:
        name: no-throttling
      spec:
        matchingPrecedence: 50
        priorityLevelConfiguration:
          name: exempt
        rules:
          - subjects:
              - kind: Group
                group: {name: system:authenticated}
              - kind: User
                user: {name: "*"}
              - kind: Group
                group: {name: system:serviceaccounts:ci}
              - kind: ServiceAccount
                serviceAccount: {namespace: tenant-a, name: "*"}
              - kind: User
                user: {name: alice}
            resourceRules:
              - verbs: [list]
                apiGroups: [""]
                resources: [pods]
                namespaces: ["*"]
    `,
    expected: [
      {
        line: 11,
        column: 11,
        severity: 'critical',
        message: 'routes group "system:authenticated" to the exempt priority level',
      },
      { line: 13, column: 11, severity: 'critical', message: 'user "*"' },
      { line: 15, column: 11, severity: 'high', message: 'group "system:serviceaccounts:ci"' },
      { line: 17, column: 11, severity: 'high', message: 'service account "tenant-a/*"' },
    ],
  },
  {
    name: 'a broadened "probes" schema (resource rules) is reported like any other',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
      kind: FlowSchema
      metadata:
        name: probes
      spec:
        matchingPrecedence: 2
        priorityLevelConfiguration: {name: exempt}
        rules:
          - subjects: [{kind: Group, group: {name: system:unauthenticated}}]
            nonResourceRules: [{verbs: [get], nonResourceURLs: [/healthz]}]
            resourceRules: [{verbs: [get], apiGroups: [""], resources: [secrets], namespaces: ["*"]}]
    `,
    expected: [
      {
        line: 9,
        column: 19,
        severity: 'critical',
        message: 'FlowSchema "probes" routes group "system:unauthenticated"',
      },
    ],
  },
  {
    name: 'reports a custom PriorityLevelConfiguration of type Exempt (rejected, high)',
    yaml: yaml`
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: PriorityLevelConfiguration
      metadata:
        name: vip
      spec:
        type: Exempt
      ---
      apiVersion: flowcontrol.apiserver.k8s.io/v1
      kind: PriorityLevelConfiguration
      metadata:
        name: exempt
      spec:
        type: Exempt
    `,
    expected: [
      {
        line: 6,
        column: 3,
        severity: 'high',
        message: 'PriorityLevelConfiguration "vip" has type Exempt: the API server rejects it',
      },
    ],
  },
  {
    name: 'ignores same-named kinds of other API groups',
    yaml: yaml`
      apiVersion: example.com/v1
      kind: FlowSchema
      metadata:
        name: lookalike
      spec:
        priorityLevelConfiguration: {name: exempt}
        rules:
          - subjects: [{kind: Group, group: {name: system:authenticated}}]
            nonResourceRules: [{verbs: ["*"], nonResourceURLs: ["*"]}]
    `,
    expected: [],
  },
];

describe('apf-exempt-broad-subjects', () => {
  testRuleCases(rule, cases);
});
