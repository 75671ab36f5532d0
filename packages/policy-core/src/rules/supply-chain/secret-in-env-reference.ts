import { asArray, asObject, asString } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { CHECKOV_KUBERNETES, SECRETS_GOOD_PRACTICES } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

const WHY =
  'environment variables leak through /proc/<pid>/environ, crash dumps, debug endpoints and child processes';

/** Secrets injected as environment variables instead of files (Part A row 47). */
export default defineRule({
  meta: {
    id: 'secret-in-env-reference',
    title: 'Secret exposed as environment variable',
    severity: 'low',
    category: 'identity',
    description:
      'A container, init container or ephemeral container reads a Secret into its environment: an `env` entry ' +
      'with `valueFrom.secretKeyRef`, or an `envFrom` entry with `secretRef` (all keys of the Secret). One finding ' +
      'per entry. Literal values are reported by `literal-secret-in-env`. Off by default (strict profile): many ' +
      'images only read configuration from the environment.',
    rationale:
      'A process environment is far less private than a file: it is readable from `/proc/<pid>/environ` by ' +
      'processes of the same user (and through any path traversal or SSRF that reaches procfs), inherited by ' +
      'every child process and shell, written into crash dumps and core files, and printed by debug endpoints, ' +
      'error reporters and `env` in support sessions. Env values are also fixed at container start, so a rotated ' +
      'Secret needs a restart, while Secret volumes (mounted without subPath) are updated in place.',
    sources: [
      SECRETS_GOOD_PRACTICES,
      {
        title: 'Kubernetes: Secrets (using Secrets as files from a Pod)',
        url: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod',
      },
      KUBE_LINTER_CHECKS,
      CHECKOV_KUBERNETES,
    ],
    remediation:
      'Mount the Secret as a read-only volume and point the application at the file (many images accept ' +
      '`*_FILE` variables):\n\n' +
      '```yaml\ncontainers:\n  - name: app\n    env:\n      - name: DB_PASSWORD_FILE\n        value: /etc/secrets/db/password\n' +
      '    volumeMounts:\n      - name: db\n        mountPath: /etc/secrets/db\n        readOnly: true\nvolumes:\n' +
      '  - name: db\n    secret:\n      secretName: db\n```',
    recommended: false,
    tags: ['secrets'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      asArray(container.spec.env).forEach((raw, index) => {
        const entry = asObject(raw);
        const ref = asObject(asObject(entry?.valueFrom)?.secretKeyRef);
        if (!ref) return;
        const name = asString(entry?.name) ?? `env[${index}]`;
        const secret = asString(ref.name) ?? '?';
        const key = asString(ref.key) ?? '?';
        report({
          message: `${containerLabel(container)} reads key "${key}" of Secret "${secret}" into env ${name}: ${WHY}; mount it as a file instead.`,
          path: [...container.path, 'env', index, 'valueFrom', 'secretKeyRef'],
          container,
          key: `env:${name}`,
        });
      });
      asArray(container.spec.envFrom).forEach((raw, index) => {
        const ref = asObject(asObject(raw)?.secretRef);
        if (!ref) return;
        const secret = asString(ref.name) ?? '?';
        report({
          message: `${containerLabel(container)} loads every key of Secret "${secret}" into its environment (envFrom): ${WHY}; mount it as a file instead.`,
          path: [...container.path, 'envFrom', index, 'secretRef'],
          container,
          key: `envFrom:${secret}:${index}`,
        });
      });
    }
  },
});
