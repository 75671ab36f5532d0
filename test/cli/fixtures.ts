/** Manifests the end-to-end tests scan. Line numbers matter: tests assert exact locations. */

/** Passes every Pod Security Standards check (baseline and restricted) and the recommended profile's high bar. */
export const HARDENED_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: registry.example.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          ports:
            - containerPort: 8080
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 128Mi }
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
`;

/** `privileged: true` is line 11, columns 9–24 (endColumn 25 is exclusive, as in SARIF). */
export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: root-shell
  namespace: ops
spec:
  containers:
    - name: shell
      image: busybox:1.37
      securityContext:
        privileged: true
`;

/** Two documents; the second has a tab as indentation on line 11 (column 1). */
export const BROKEN_YAML = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: first',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: second',
  'data:',
  '\tkey: value',
  '',
].join('\n');
