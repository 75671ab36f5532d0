import rule from '../../../src/rules/rbac/rbac-pod-exec.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const getExec = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: pod-viewer
  rules:
    - apiGroups: [""]
      resources: ["pods", "pods/log", "pods/exec"]
      verbs: ["get", "list", "watch"]
    - apiGroups: [""]
      resources: ["pods/portforward"]
      verbs: ["get"]
`;

const cases: RuleCase[] = [
  {
    name: 'passes for logs, pod reads, evictions, full wildcards and platform roles',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: support
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["pods", "pods/log", "pods/status"]
          verbs: ["get", "list", "watch"]
        - apiGroups: [""]
          resources: ["pods/eviction"]
          verbs: ["create"]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
        - apiGroups: [""]
          resources: ["pods/*"]
          verbs: ["create"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: eks:node-manager
      rules:
        - apiGroups: [""]
          resources: ["pods/exec"]
          verbs: ["create"]
    `,
    expected: [],
  },
  {
    name: 'reports create on exec and attach as high, at the exec item',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: debugger
        namespace: shop
      rules:
        - apiGroups: [""]
          resources: ["pods", "pods/exec", "pods/attach"]
          verbs: ["get", "create"]
    `,
    expected: [
      {
        line: 8,
        column: 25,
        severity: 'high',
        message:
          'Role "shop/debugger" rules[0] allows create and get on pods/exec (run commands in containers); create and get on pods/attach (attach to running containers)',
      },
    ],
  },
  {
    name: 'reports port-forward as medium and ephemeral containers as high',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: tunnels
      rules:
        - apiGroups: [""]
          resources: ["pods/portforward"]
          verbs: ["create"]
        - apiGroups: [""]
          resources: ["pods/ephemeralcontainers"]
          verbs: ["patch"]
    `,
    expected: [
      {
        line: 7,
        column: 17,
        severity: 'medium',
        message: 'allows create on pods/portforward (open connections to pod ports',
      },
      {
        line: 10,
        column: 17,
        severity: 'high',
        message: 'allows patch on pods/ephemeralcontainers (add a debug container',
      },
    ],
  },
  {
    name: 'reports get alone when the target version is unknown: WebSocket exec needed only get before 1.35',
    yaml: getExec,
    expected: [
      {
        line: 7,
        column: 37,
        severity: 'medium',
        message:
          'rules[0] allows get on pods/exec, which is enough through WebSocket requests before Kubernetes 1.35',
      },
      { line: 10, column: 17, severity: 'low', message: 'rules[1] allows get on pods/portforward' },
    ],
  },
  {
    name: 'reports get alone as high (medium for port-forward) before Kubernetes 1.35',
    yaml: getExec,
    settings: { kubernetesVersion: { major: 1, minor: 34 } },
    expected: [
      { line: 7, severity: 'high' },
      { line: 10, severity: 'medium' },
    ],
  },
  {
    name: 'does not report get alone from Kubernetes 1.35, which requires create for WebSocket requests',
    yaml: getExec,
    settings: { kubernetesVersion: { major: 1, minor: 35 } },
    expected: [],
  },
  {
    name: 'lowers grants limited to named pods and sees through "*/exec" and "*" verbs',
    yaml: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: db-shell
        namespace: data
      rules:
        - apiGroups: [""]
          resources: ["pods/exec"]
          resourceNames: ["postgres-0"]
          verbs: ["create"]
        - apiGroups: [""]
          resources: ["*/exec"]
          verbs: ["*"]
    `,
    expected: [
      { line: 8, column: 17, severity: 'medium', message: 'rules[0] allows create on pods/exec' },
      { line: 12, column: 17, severity: 'high', message: 'rules[1] allows create and get on pods/exec' },
    ],
  },
];

describe('rbac-pod-exec', () => {
  testRuleCases(rule, cases);
});
