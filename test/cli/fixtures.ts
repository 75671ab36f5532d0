import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PACKAGE } from './run-cli.js';

/** Manifests the end-to-end tests scan. Line numbers matter: tests assert exact locations. */

/** Passes every Pod Security Standards check (baseline and restricted) and the recommended profile's high bar. */
export const HARDENED_DEPLOYMENT = readFileSync(
  join(CLI_PACKAGE, 'test', 'fixtures', 'hardened-deployment.yaml'),
  'utf8',
);

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
