import type { Path } from '../../types.js';
import { asObject } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { isPlaceholderValue, isSecretName, secretValueKind } from '../shared/secrets.js';
import { decodeBase64 } from '../../util/base64.js';
import {
  SCORE_MATCH,
  SCORE_SPEC_REFERENCE,
  SCORE_TAGS,
  mountLabel,
  scoreContainers,
  scoreMounts,
  type ScoreContainer,
} from './common.js';

/** Score placeholders, `${resources.db.password}`, `${metadata.name}` (and the `$${…}` escape). */
const PLACEHOLDER = /\$?\$\{[^}]*\}/g;

/**
 * True when a value combines placeholders only with scaffolding: separators, plain words and numbers
 * (`${resources.db.password}`, `Bearer ${resources.api.token}`,
 * `postgres://${resources.db.username}:${resources.db.password}@${resources.db.host}:5432/app`).
 */
function onlyPlaceholders(value: string): boolean {
  if (!/\$\{[^}]*\}/.test(value)) return false;
  const rest = value.replace(PLACEHOLDER, ' ');
  return rest.split(/[\s:/@?&=;,.#|-]+/).every((piece) => piece === '' || /^[A-Za-z]+$|^\d+$/.test(piece));
}

function article(kind: string): string {
  return /^[aeio]/i.test(kind) ? 'an' : 'a';
}

interface Hit {
  path: Path;
  message: string;
  key: string;
}

function variableHits(container: ScoreContainer): Hit[] {
  const hits: Hit[] = [];
  for (const [name, raw] of Object.entries(asObject(container.spec.variables) ?? {})) {
    if (typeof raw !== 'string') continue;
    const path: Path = [...container.path, 'variables', name];
    const kind = secretValueKind(raw);
    if (kind) {
      hits.push({
        path,
        key: `variable:${name}`,
        message:
          `${containerLabel(container.view)} sets variable ${name} to a value with the shape of ${article(kind)} ${kind}: ` +
          'the credential is in plain text in Git and in the generated manifests.',
      });
      continue;
    }
    const value = raw.trim();
    if (!isSecretName(name) || isPlaceholderValue(value) || onlyPlaceholders(value)) continue;
    // Booleans, short numbers and durations are settings, not secrets.
    if (/^-?\d{1,5}$|^\d+(ms|s|m|h|d)$/i.test(value)) continue;
    hits.push({
      path,
      key: `variable:${name}`,
      message:
        `${containerLabel(container.view)} sets variable ${name} to a literal value (${value.length} characters) ` +
        'instead of a ${resources.<name>.<output>} placeholder: the secret is in plain text in Git and in the ' +
        'generated manifests.',
    });
  }
  return hits;
}

function fileHits(container: ScoreContainer): Hit[] {
  const hits: Hit[] = [];
  for (const mount of scoreMounts(container, 'files')) {
    for (const field of ['content', 'binaryContent'] as const) {
      const raw = mount.entry[field];
      if (typeof raw !== 'string') continue;
      const text = field === 'binaryContent' ? decodeBase64(raw) : raw;
      const kind = text === undefined ? undefined : secretValueKind(text);
      if (!kind) continue;
      hits.push({
        path: [...mount.path, field],
        key: `file:${mount.target ?? String(mount.path[mount.path.length - 1])}:${field}`,
        message:
          `${containerLabel(container.view)} writes ${mountLabel(mount, 'file')} with inline ${field} containing ` +
          `${article(kind)} ${kind}: the credential is in plain text in Git and in the generated ConfigMap.`,
      });
    }
  }
  return hits;
}

/** Literal credentials in Score variables and inline files (IDP-002). */
export default defineRule({
  meta: {
    id: 'score-literal-secret',
    title: 'Literal secret in a Score file',
    severity: 'high',
    category: 'identity',
    description:
      'A Score container has a `variables` entry whose value has the shape of a known credential (private key, ' +
      'AWS access key id, GitHub, Slack, Google, OpenAI or Stripe key, JSON web token, URL with a password), ' +
      'whatever its name; or whose name looks like a secret (PASSWORD, DB_PASS, API_KEY, CLIENT_SECRET, ' +
      'AUTH_TOKEN, camelCase `clientSecret`, well-known cloud key names) and whose value is a literal rather than ' +
      'Score placeholders. Values made only of placeholders, or of placeholders joined by separators, plain words ' +
      'and numbers (`Bearer ${resources.api.token}`, a connection string built from `${resources.db.*}` outputs) ' +
      'pass, as do empty or short values, `changeme`-style placeholders, references, paths, booleans, short numbers ' +
      'and durations. Also reported: a file (`files`, mapping or list form) whose inline `content`, or decoded ' +
      '`binaryContent`, contains a credential shape. One finding per variable or file field; messages never show ' +
      'the value, only its kind or length.',
    rationale:
      'In Score, secrets come from resources: a provisioner creates or looks up the credential and ' +
      'score-k8s turns `${resources.db.password}` into a reference to a Kubernetes Secret. A literal in the Score ' +
      'file is instead stored in plain text in Git history, copied into the generated Deployment or ConfigMap, ' +
      'visible to anyone who can read pods or deployments, and cannot be rotated without a commit (MITRE ATT&CK ' +
      'T1552.001, Unsecured Credentials: Credentials In Files; CWE-798).',
    sources: [
      SCORE_SPEC_REFERENCE,
      {
        title: 'Kubernetes: Good practices for Kubernetes Secrets',
        url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      },
      {
        title: 'MITRE ATT&CK T1552.001: Credentials In Files',
        url: 'https://attack.mitre.org/techniques/T1552/001/',
      },
      {
        title: 'CWE-798: Use of Hard-coded Credentials',
        url: 'https://cwe.mitre.org/data/definitions/798.html',
      },
    ],
    remediation:
      'Rotate the exposed credential, then declare a resource that provides it and reference its output:\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2\n    variables:\n' +
      '      DB_PASSWORD: ${resources.db.password}\nresources:\n  db:\n    type: postgres\n```',
    tags: [...SCORE_TAGS, 'secrets', 'workload-identity'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const container of scoreContainers(resource)) {
      for (const hit of [...variableHits(container), ...fileHits(container)]) {
        report({ message: hit.message, path: hit.path, container: container.view, key: hit.key });
      }
    }
  },
});
