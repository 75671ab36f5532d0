/**
 * A realistic report, built by hand so that formatter tests do not depend on the engine:
 * six files (one with a parse error, one skipped Helm template, one clean), five resources,
 * findings of every severity (given out of order on purpose), and one suppressed finding.
 */
import type { Finding, Report, ResourceSummary, RuleSummary } from '../../src/types.js';

const DOCS = 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/rules';

const API = { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'prod', name: 'api' };
const ROLE = { kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', name: 'ci-admin' };
const CLEANUP = { kind: 'CronJob', apiVersion: 'batch/v1', namespace: 'batch', name: 'cleanup' };
/** The clean ConfigMap of `manifests/config.yaml`, as a resource summary (in both reports). */
const SETTINGS: ResourceSummary = {
  kind: 'ConfigMap',
  apiVersion: 'v1',
  namespace: 'prod',
  name: 'settings',
  file: 'manifests/config.yaml',
  line: 1,
  score: 100,
  grade: 'A+',
  findings: 0,
};

export const RULES: readonly RuleSummary[] = [
  {
    id: 'privileged-container',
    title: 'Privileged container',
    severity: 'critical',
    category: 'isolation',
    helpUri: `${DOCS}/privileged-container.md`,
    description: 'Flags containers that set securityContext.privileged to true.',
    remediation: 'Remove `privileged: true`, or set it to false.',
    pss: { level: 'baseline', check: 'privileged', since: 'v1.0' },
  },
  {
    id: 'rbac-wildcard',
    title: 'Wildcard in RBAC rule',
    severity: 'high',
    category: 'rbac',
    helpUri: `${DOCS}/rbac-wildcard.md`,
    description: 'Flags Roles and ClusterRoles that grant `*` verbs, resources or API groups.',
    remediation: 'List the verbs and resources the subject needs.',
  },
  {
    id: 'host-path-volume',
    title: 'hostPath volume',
    severity: 'high',
    category: 'isolation',
    helpUri: `${DOCS}/host-path-volume.md`,
    description: 'Flags pods that mount a hostPath volume.',
    remediation: 'Use an emptyDir, a ConfigMap or a PersistentVolumeClaim instead.',
    pss: { level: 'baseline', check: 'hostPathVolumes', since: 'v1.0' },
  },
  {
    id: 'image-tag-latest',
    title: 'Image uses the latest tag',
    severity: 'medium',
    category: 'supply-chain',
    helpUri: `${DOCS}/image-tag-latest.md`,
    description: 'Flags container images without a tag or with the `latest` tag.',
    remediation: 'Pin a version tag or, better, a digest.',
  },
  {
    id: 'run-as-non-root',
    title: 'Container may run as root',
    severity: 'medium',
    category: 'identity',
    helpUri: `${DOCS}/run-as-non-root.md`,
    description: 'Flags containers whose effective runAsNonRoot is not true.',
    remediation: 'Set `runAsNonRoot: true` in the pod or container securityContext.',
    pss: { level: 'restricted', check: 'runAsNonRoot', since: 'v1.0' },
  },
  {
    id: 'missing-resource-limits',
    title: 'Container without memory limit',
    severity: 'low',
    category: 'reliability',
    helpUri: `${DOCS}/missing-resource-limits.md`,
    description: 'Flags containers that do not set resources.limits.memory.',
    remediation: 'Set `resources.limits.memory`.',
  },
  {
    id: 'image-digest',
    title: 'Image not pinned by digest',
    severity: 'info',
    category: 'supply-chain',
    helpUri: `${DOCS}/image-digest.md`,
    description: 'Flags images referenced by tag rather than by digest.',
    remediation: 'Reference the image as `name@sha256:<digest>`.',
  },
];

export function buildFindings(): Finding[] {
  return [
    {
      ruleId: 'image-digest',
      severity: 'info',
      category: 'supply-chain',
      message: 'Image "busybox:1.36" is not pinned by digest',
      file: 'manifests/worker.yaml',
      line: 21,
      column: 22,
      endLine: 21,
      endColumn: 34,
      resource: { ...CLEANUP },
      container: 'cleanup',
      field: 'spec.jobTemplate.spec.template.spec.containers[0].image',
      fingerprint: '5d1c0b7e9a2f4c61',
    },
    {
      ruleId: 'privileged-container',
      severity: 'critical',
      category: 'isolation',
      message: 'Container "api" runs privileged: it has every capability and the host\'s devices',
      file: 'manifests/api/deployment.yaml',
      line: 31,
      column: 13,
      endLine: 31,
      endColumn: 23,
      resource: { ...API },
      container: 'api',
      field: 'spec.template.spec.containers[0].securityContext.privileged',
      valueSource: 'container',
      pss: { level: 'baseline', check: 'privileged' },
      fix: {
        description: 'Set securityContext.privileged to false',
        set: {
          path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
          value: false,
        },
      },
      fingerprint: '9f2e4a1b7c3d5e60',
    },
    {
      ruleId: 'run-as-non-root',
      severity: 'medium',
      category: 'identity',
      message: 'Container "api" may run as root: runAsNonRoot is not set',
      file: 'manifests/api/deployment.yaml',
      line: 22,
      column: 11,
      endLine: 22,
      endColumn: 20,
      resource: { ...API },
      container: 'api',
      field: 'spec.template.spec.containers[0].securityContext.runAsNonRoot',
      valueSource: 'default',
      pss: { level: 'restricted', check: 'runAsNonRoot' },
      suppressed: {
        reason: 'legacy image needs root until ACME-142 ships',
        source: 'annotation:ignore.shiftdown.dev/run-as-non-root',
      },
      fingerprint: '0b8d3c2a6e1f7a94',
    },
    {
      ruleId: 'host-path-volume',
      severity: 'high',
      category: 'isolation',
      message: 'Volume "docker-sock" mounts the host path /var/run/docker.sock',
      file: 'manifests/api/deployment.yaml',
      line: 44,
      column: 11,
      endLine: 45,
      endColumn: 37,
      resource: { ...API },
      field: 'spec.template.spec.volumes[0].hostPath',
      pss: { level: 'baseline', check: 'hostPathVolumes' },
      fingerprint: '3a7f9c0d2b4e6f18',
    },
    {
      ruleId: 'missing-resource-limits',
      severity: 'low',
      category: 'reliability',
      message: 'Container "cleanup" has no memory limit',
      file: 'manifests/worker.yaml',
      line: 20,
      column: 15,
      endLine: 20,
      endColumn: 22,
      resource: { ...CLEANUP },
      container: 'cleanup',
      field: 'spec.jobTemplate.spec.template.spec.containers[0].resources',
      fingerprint: 'c4e6a8b0d2f41357',
    },
    {
      ruleId: 'rbac-wildcard',
      severity: 'high',
      category: 'rbac',
      message: 'ClusterRole "ci-admin" grants every verb ("*") on secrets',
      file: 'manifests/rbac.yaml',
      line: 8,
      column: 12,
      endLine: 8,
      endColumn: 17,
      resource: { ...ROLE },
      field: 'rules[0].verbs',
      fingerprint: 'e1f3a5c7b9d02468',
    },
    {
      ruleId: 'image-tag-latest',
      severity: 'medium',
      category: 'supply-chain',
      message: 'Image "ghcr.io/acme/api:latest" uses the latest tag',
      file: 'manifests/api/deployment.yaml',
      line: 23,
      column: 18,
      endLine: 23,
      endColumn: 41,
      resource: { ...API },
      container: 'api',
      field: 'spec.template.spec.containers[0].image',
      fingerprint: '7b9d1f3e5a0c2e46',
    },
  ];
}

/** The full fixture. A fresh deep object on every call, so tests may mutate it. */
export function buildReport(): Report {
  return {
    version: '1.0.0',
    tool: { name: 'shiftdown', version: '0.1.0' },
    settings: { profile: 'recommended', pssVersion: 'v1.34', kubernetesVersion: '1.34' },
    summary: {
      score: 72,
      grade: 'D',
      counts: { critical: 1, high: 2, medium: 1, low: 1, info: 1 },
      suppressed: 1,
      files: 6,
      documents: 5,
      resources: 5,
      errors: 1,
      categories: [
        { category: 'isolation', title: 'Workload isolation', score: 40, grade: 'F', findings: 2 },
        { category: 'identity', title: 'Workload identity', score: 100, grade: 'A+', findings: 0 },
        { category: 'rbac', title: 'Access control (RBAC)', score: 75, grade: 'C', findings: 1 },
        { category: 'supply-chain', title: 'Supply chain', score: 82.5, grade: 'B-', findings: 2 },
        { category: 'reliability', title: 'Reliability and resources', score: 95, grade: 'A', findings: 1 },
      ],
      maturity: {
        level: 1,
        name: 'Initial',
        next: ['Fix every critical finding', 'Meet the Pod Security baseline profile'],
      },
      cap: 'a critical finding caps the grade at D',
    },
    files: [
      { path: 'manifests/worker.yaml', documents: 1, errors: [], skipped: [] },
      { path: 'manifests/api/deployment.yaml', documents: 2, errors: [], skipped: [] },
      {
        path: 'manifests/broken.yaml',
        documents: 0,
        errors: [{ message: 'unexpected end of flow sequence', line: 4, column: 3 }],
        skipped: [],
      },
      { path: 'manifests/config.yaml', documents: 1, errors: [], skipped: [] },
      { path: 'manifests/rbac.yaml', documents: 1, errors: [], skipped: [] },
      {
        path: 'charts/web/templates/deployment.yaml',
        documents: 0,
        errors: [],
        skipped: [{ line: 1, reason: 'Helm template (contains {{ }}): render it first' }],
      },
    ],
    resources: [
      { ...API, file: 'manifests/api/deployment.yaml', line: 1, score: 35, grade: 'F', findings: 3 },
      {
        kind: 'Service',
        apiVersion: 'v1',
        namespace: 'prod',
        name: 'api',
        file: 'manifests/api/deployment.yaml',
        line: 52,
        score: 100,
        grade: 'A+',
        findings: 0,
      },
      { ...ROLE, file: 'manifests/rbac.yaml', line: 1, score: 70, grade: 'C-', findings: 1 },
      { ...CLEANUP, file: 'manifests/worker.yaml', line: 1, score: 88, grade: 'B+', findings: 2 },
      { ...SETTINGS },
    ],
    findings: buildFindings(),
    rules: RULES.map((rule) => structuredClone(rule)),
  };
}

/** A report of one clean file: no findings, no errors. */
export function buildCleanReport(): Report {
  return {
    version: '1.0.0',
    tool: { name: 'shiftdown', version: '0.1.0' },
    settings: { profile: 'pss-restricted', pssVersion: 'v1.34' },
    summary: {
      score: 100,
      grade: 'A+',
      counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      suppressed: 0,
      files: 1,
      documents: 1,
      resources: 1,
      errors: 0,
      categories: [
        { category: 'isolation', title: 'Workload isolation', score: 100, grade: 'A+', findings: 0 },
      ],
      maturity: { level: 5, name: 'Hardened' },
    },
    files: [{ path: 'manifests/config.yaml', documents: 1, errors: [], skipped: [] }],
    resources: [{ ...SETTINGS }],
    findings: [],
    rules: [],
  };
}

/** A finding of `manifests/bulk.yaml` for volume tests. */
export function bulkFinding(i: number): Finding {
  const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
  const severity = severities[i % severities.length] ?? 'low';
  return {
    ruleId: 'privileged-container',
    severity,
    category: 'isolation',
    message: `Container "c${i}" runs privileged | with a pipe and a\nnewline`,
    file: `manifests/bulk-${Math.floor(i / 100)}.yaml`,
    line: (i % 100) + 1,
    column: 7,
    endLine: (i % 100) + 1,
    endColumn: 12,
    resource: { kind: 'Deployment', namespace: 'bulk', name: `app-${i}` },
    container: `c${i}`,
    fingerprint: `bulk-${i}`,
  };
}
