import type { Entity } from '@backstage/catalog-model';
import type {
  OverviewEntry,
  OverviewResponse,
  Scorecard,
  ScorecardFinding,
  ScoreHistory,
} from '@shiftdown/backstage-plugin-shiftdown-common';

/** "Now" in every component test (Date.now is pinned to it), 5 minutes after the scan. */
export const NOW = Date.parse('2025-03-01T12:00:00Z');

export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'shiftdown.dev/manifests': 'deploy/k8s' },
  },
  spec: { type: 'service', owner: 'group:default/payments-team', lifecycle: 'production' },
};

export const unannotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'docs-site',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'acme/docs' },
  },
  spec: { type: 'website', owner: 'group:default/docs', lifecycle: 'production' },
};

export const kubernetesEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'shop',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: { type: 'service', owner: 'group:default/shop', lifecycle: 'production' },
};

function finding(
  overrides: Partial<ScorecardFinding> & Pick<ScorecardFinding, 'ruleId' | 'title' | 'severity'>,
): ScorecardFinding {
  return {
    category: 'pod-security',
    message: 'message',
    file: 'deploy/k8s/deployment.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 10,
    resource: { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'payments', name: 'payments-api' },
    fingerprint: `${overrides.ruleId}-${overrides.line ?? 1}`,
    ...overrides,
  };
}

export const privilegedFinding = finding({
  ruleId: 'privileged-container',
  title: 'Privileged container',
  severity: 'critical',
  category: 'pod-security',
  message: 'Container "api" runs privileged: it has every capability of the node\'s root user.',
  file: 'deploy/k8s/deployment.yaml',
  line: 42,
  column: 13,
  container: 'api',
  field: 'spec.template.spec.containers[0].securityContext.privileged',
  // Remediations are Markdown: inline code and a fenced YAML block.
  remediation:
    'Remove `privileged: true` (or set it to `false`) and drop every capability:\n\n' +
    '```yaml\nsecurityContext:\n  privileged: false\n  capabilities:\n    drop: ["ALL"]\n```',
  helpUri: 'https://shiftdown.dev/rules/privileged-container',
  sourceUrl: 'https://github.com/acme/payments/blob/main/deploy/k8s/deployment.yaml#L42',
});

export const runAsRootFinding = finding({
  ruleId: 'run-as-non-root',
  title: 'Containers must run as non-root',
  severity: 'high',
  category: 'pod-security',
  message: 'Container "migrate" may run as root: runAsNonRoot is not set.',
  file: 'deploy/k8s/job.yaml',
  line: 17,
  column: 9,
  resource: { kind: 'Job', apiVersion: 'batch/v1', namespace: 'payments', name: 'migrate' },
  container: 'migrate',
  remediation: 'Set securityContext.runAsNonRoot: true on the pod or the container.',
  helpUri: 'https://shiftdown.dev/rules/run-as-non-root',
});

export const networkPolicyFinding = finding({
  ruleId: 'missing-network-policy',
  title: 'No NetworkPolicy selects the workload',
  severity: 'medium',
  category: 'network',
  // Messages are Markdown too; `<none>` is text a message may quote, not an HTML tag to drop.
  message:
    'No NetworkPolicy in namespace "payments" selects Deployment `payments-api` (podSelector: <none>).',
  file: 'deploy/k8s/deployment.yaml',
  line: 3,
  column: 1,
  sourceUrl: 'https://github.com/acme/payments/blob/main/deploy/k8s/deployment.yaml#L3',
});

export const hostPidSuppressed = finding({
  ruleId: 'host-namespaces',
  title: 'Host namespaces',
  severity: 'high',
  category: 'pod-security',
  message: 'DaemonSet "node-exporter" shares the host PID namespace.',
  file: 'deploy/k8s/node-exporter.yaml',
  line: 21,
  column: 7,
  resource: { kind: 'DaemonSet', apiVersion: 'apps/v1', namespace: 'monitoring', name: 'node-exporter' },
  suppressed: {
    reason: 'node exporter needs hostPID (SEC-142)',
    source: 'annotation ignore.shiftdown.dev/host-namespaces',
    expires: '2025-06-30',
  },
});

/** The same rule on several workloads, sharing one fix: `count` NetworkPolicy findings, api-0, api-1, … */
export function networkPolicyFindings(count: number): ScorecardFinding[] {
  return Array.from({ length: count }, (_, index) =>
    finding({
      ruleId: 'missing-network-policy',
      title: 'No NetworkPolicy selects the workload',
      severity: 'medium',
      category: 'network',
      message: `No NetworkPolicy selects Deployment "api-${index}".`,
      file: `deploy/k8s/api-${index}.yaml`,
      line: 3,
      resource: { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'payments', name: `api-${index}` },
      remediation: 'Add a default-deny NetworkPolicy to the namespace.',
      helpUri: 'https://shiftdown.dev/rules/missing-network-policy',
      fingerprint: `missing-network-policy-api-${index}`,
    }),
  );
}

export const riskyScorecard: Scorecard = {
  entityRef: 'component:default/payments',
  score: 58,
  grade: 'D',
  maturity: {
    level: 1,
    name: 'Basic',
    next: ['Fix every critical finding', 'Set runAsNonRoot on every workload'],
  },
  cap: 'A critical finding caps the grade at D',
  categories: [
    { category: 'pod-security', title: 'Pod security', score: 41, grade: 'F', findings: 2 },
    { category: 'network', title: 'Network', score: 75, grade: 'C', findings: 1 },
  ],
  counts: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
  // Deliberately not worst-first: the tab must group critical first whatever the order.
  findings: [networkPolicyFinding, runAsRootFinding, privilegedFinding],
  suppressed: [hostPidSuppressed],
  errors: [
    { file: 'deploy/k8s/broken.yaml', line: 7, column: 3, message: 'mapping values are not allowed here' },
  ],
  files: 4,
  resources: 5,
  source: 'push',
  scannedAt: '2025-03-01T11:55:00Z',
  commitSha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
  location: 'https://github.com/acme/payments',
  profile: 'recommended',
  toolVersion: '0.1.0',
};

export const cleanScorecard: Scorecard = {
  entityRef: 'component:default/payments',
  score: 100,
  grade: 'A+',
  maturity: { level: 5, name: 'Hardened', next: [] },
  categories: [{ category: 'pod-security', title: 'Pod security', score: 100, grade: 'A+', findings: 0 }],
  counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  findings: [],
  suppressed: [],
  errors: [],
  files: 1,
  resources: 2,
  source: 'pull',
  scannedAt: '2025-02-27T12:00:00Z',
  location: 'https://github.com/acme/payments/tree/main/deploy/k8s',
  profile: 'recommended',
  toolVersion: '0.1.0',
};

/** The risky scorecard after a later pull scan failed: it stays the last good scorecard. */
export const staleScorecard: Scorecard = {
  ...riskyScorecard,
  lastError: {
    message: 'could not read https://github.com/acme/payments/tree/main/deploy/k8s: 401 Unauthorized',
    at: '2025-03-01T11:58:00Z',
    location: 'https://github.com/acme/payments/tree/main/deploy/k8s',
  },
};

export const paymentsHistory: ScoreHistory = {
  entityRef: 'component:default/payments',
  // Oldest first, as the backend returns it.
  items: [
    { scannedAt: '2025-02-10T09:00:00Z', score: 64, grade: 'D+', source: 'pull' },
    { scannedAt: '2025-02-20T09:00:00Z', score: 71, grade: 'C', source: 'pull' },
    { scannedAt: '2025-03-01T11:55:00Z', score: 58, grade: 'D', source: 'push', commitSha: '3f2a9c1d8e7b' },
  ],
};

export function overviewEntry(
  overrides: Partial<OverviewEntry> & Pick<OverviewEntry, 'name'>,
): OverviewEntry {
  return {
    entityRef: `component:default/${overrides.name}`,
    kind: 'Component',
    namespace: 'default',
    score: 90,
    grade: 'A-',
    maturityLevel: 4,
    counts: { critical: 0, high: 0, medium: 1, low: 2, info: 0 },
    scannedAt: '2025-03-01T10:00:00Z',
    source: 'pull',
    trend: [80, 85, 90],
    ...overrides,
  };
}

export const overviewEntries: OverviewEntry[] = [
  overviewEntry({
    name: 'payments',
    owner: 'group:default/payments-team',
    score: 58,
    grade: 'D',
    maturityLevel: 1,
    counts: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
    scannedAt: '2025-03-01T11:55:00Z',
    source: 'push',
    trend: [64, 71, 58],
  }),
  overviewEntry({
    name: 'checkout',
    namespace: 'shop',
    entityRef: 'component:shop/checkout',
    owner: 'group:default/shop',
  }),
  overviewEntry({
    name: 'gpu-trainer',
    kind: 'Resource',
    entityRef: 'resource:default/gpu-trainer',
    owner: 'group:default/ml-platform',
    score: 97,
    grade: 'A+',
    trend: [97],
  }),
];

/** The backend's facets for `overviewEntries` without filters. */
export const overviewFacets: OverviewResponse['facets'] = {
  owners: ['group:default/ml-platform', 'group:default/payments-team', 'group:default/shop'],
  kinds: ['Component', 'Resource'],
};
