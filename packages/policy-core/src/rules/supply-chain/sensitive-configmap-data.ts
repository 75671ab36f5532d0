import { asObject } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { secretValueKind } from '../shared/secrets.js';
import {
  POLARIS_SECURITY,
  SECRETS_GOOD_PRACTICES,
  describeHit,
  findSecretInText,
  isKeyFileName,
  isNonSecretValue,
  literalSecret,
} from './common.js';
import { decodeBase64 } from '../../util/base64.js';

const WHY =
  'ConfigMaps are not encrypted at rest, are readable by every subject allowed to read ConfigMaps and often ' +
  'end up in logs and support bundles; move it to a Secret';

/** What a text value of a ConfigMap reveals, as the end of a sentence; undefined when nothing. */
function textFinding(key: string, value: string): string | undefined {
  if (!value.includes('\n')) {
    const hit = literalSecret(key, value);
    if (hit)
      return hit.kind ? `contains ${describeHit(hit)}` : `holds ${describeHit(hit)} under a secret-like name`;
  }
  const inText = findSecretInText(value);
  if (inText) {
    const where = value.includes('\n') ? ` (line ${inText.line} of the value)` : '';
    return inText.key !== undefined
      ? `assigns ${describeHit(inText)} to "${inText.key}"${where}`
      : `contains ${describeHit(inText)}${where}`;
  }
  if (isKeyFileName(key) && !isNonSecretValue(value)) return 'holds a key file';
  return undefined;
}

/** What a binaryData value reveals; undefined when nothing. */
function binaryFinding(key: string, value: string): string | undefined {
  const decoded = decodeBase64(value);
  const kind = decoded === undefined ? undefined : secretValueKind(decoded);
  if (kind) return `contains ${describeHit({ kind, length: 0 })}`;
  if (isKeyFileName(key) && value.trim() !== '') return 'holds a key file';
  return undefined;
}

/** Secrets stored in ConfigMaps (Part A row 48). */
export default defineRule({
  meta: {
    id: 'sensitive-configmap-data',
    title: 'Secret stored in a ConfigMap',
    severity: 'high',
    category: 'identity',
    description:
      'A ConfigMap `data` entry holds a secret: a single-line value under a secret-like key (`DB_PASSWORD`, ' +
      '`apiKey`, `client_secret`, … but not `*_FILE`, `*_URL`, `*_NAME`, …) that is not a placeholder, reference, ' +
      'encrypted value, boolean, short number or duration; or any value containing a known credential shape ' +
      '(private key, cloud or SaaS token, JSON web token, URL with a password); or a config file (multi-line value) ' +
      'with a `key = value`, `key: value`, `"key": "value"` or `<key>value</key>` line assigning a real value to a ' +
      'secret-like key (templated values such as `${DB_PASSWORD}`, prose and code like `os.environ["X"]` are ' +
      'skipped); or a key named like key material (`*.key`, `*.p12`, `*.pfx`, `*.jks`, `id_rsa`, `.netrc`, …) ' +
      'with content. `binaryData` entries are decoded and checked for credential shapes and key-file names. ' +
      'Public certificates are fine. One finding per key, naming the line of a multi-line value; messages never ' +
      'show the value.',
    rationale:
      'ConfigMaps are meant for non-confidential data: RBAC roles grant them freely (the built-in `view` role ' +
      'can read ConfigMaps but not Secrets), they are not covered by the encryption-at-rest configuration most ' +
      'clusters apply to Secrets, and they are printed by `kubectl describe`, dumped into support bundles and ' +
      'synced to GitOps dashboards. A credential there is readable by far more people and tools than intended ' +
      '(MITRE ATT&CK T1552.007, Unsecured Credentials: Container API; CWE-798).',
    sources: [
      {
        title: 'Kubernetes: ConfigMaps ("ConfigMap does not provide secrecy or encryption")',
        url: 'https://kubernetes.io/docs/concepts/configuration/configmap/',
      },
      SECRETS_GOOD_PRACTICES,
      POLARIS_SECURITY,
      {
        title: 'MITRE ATT&CK T1552.007: Container API',
        url: 'https://attack.mitre.org/techniques/T1552/007/',
      },
    ],
    remediation:
      'Rotate the credential and move it into a Secret (managed outside Git with External Secrets, Sealed ' +
      'Secrets or SOPS); keep only references in the ConfigMap:\n\n' +
      '```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  application.properties: |\n' +
      '    spring.datasource.password=${DB_PASSWORD}\n```',
    tags: ['secrets'],
  },
  match: { kinds: ['ConfigMap'] },
  check({ resource, report }) {
    const name = resource.name ?? '(unnamed)';
    for (const field of ['data', 'binaryData'] as const) {
      for (const [key, value] of Object.entries(asObject(resource.object[field]) ?? {})) {
        if (typeof value !== 'string') continue;
        const finding = field === 'data' ? textFinding(key, value) : binaryFinding(key, value);
        if (!finding) continue;
        const where = field === 'data' ? `key "${key}"` : `binaryData key "${key}"`;
        report({
          message: `ConfigMap "${name}" ${where} ${finding}: ${WHY}.`,
          path: [field, key],
          key: `${field}:${key}`,
        });
      }
    }
  },
});
