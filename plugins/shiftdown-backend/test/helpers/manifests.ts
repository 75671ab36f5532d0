/** Manifests and the real reports the policy core makes of them (what the CLI's `--format json` prints). */
import { formatReport, scan, type Report } from '@shiftdown/policy-core';

/**
 * A small Deployment in namespace shop: `labels` on its metadata (flow-mapping entries), `spec` text put
 * right after `spec:`, and a privileged container when asked.
 */
export function deployment(
  name: string,
  options: { labels?: string; spec?: string; privileged?: boolean } = {},
): string {
  const labels = options.labels === undefined ? '' : `  labels: {${options.labels}}\n`;
  const privileged = options.privileged ? '          securityContext:\n            privileged: true\n' : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
${labels}spec:${options.spec ?? ''}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1.0
${privileged}`;
}

/** A Deployment with the usual gaps: root, no limits, a privileged sidecar (critical). */
export const RISKY_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  namespace: shop
  labels:
    app.kubernetes.io/name: payments
spec:
  replicas: 2
  selector:
    matchLabels:
      app: payments
  template:
    metadata:
      labels:
        app: payments
    spec:
      containers:
        - name: app
          image: registry.example.com/payments:1.4.2
        - name: debug
          image: busybox:1.36
          securityContext:
            privileged: true
`;

/** A Deployment that passes Pod Security restricted. */
export const HARDENED_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
  namespace: shop
  labels:
    backstage.io/kubernetes-id: catalog
spec:
  replicas: 2
  selector:
    matchLabels:
      app: catalog
  template:
    metadata:
      labels:
        app: catalog
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: app
          image: registry.example.com/catalog@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 128Mi }
`;

export function reportOf(files: Record<string, string>): Report {
  return scan({ files: Object.entries(files).map(([path, text]) => ({ path, text })), today: '2026-06-01' });
}

/** The report as the CLI writes it (`formatReport(…, 'json')`), parsed back. */
export function jsonReportOf(files: Record<string, string>): Report {
  return JSON.parse(formatReport(reportOf(files), 'json')) as Report;
}
