import { asObject, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { isTemplatedText } from '../../model/image.js';
import { secretValueKind } from '../shared/secrets.js';
import {
  CWE_798,
  SECRETS_GOOD_PRACTICES,
  describeHit,
  findSecretInText,
  isNonSecretValue,
  isPublicKeyMaterial,
  listNames,
} from './common.js';
import { decodeBase64 } from '../../util/base64.js';

const CONFIG_FILE_NAME = /\.(ya?ml|json|ini|conf|cfg|toml|properties|xml|txt)$/i;

interface RealValue {
  key: string;
  kind?: string;
}

/**
 * The keys of a Secret field that hold real values. `data` values are base64-decoded first (a value that
 * is not valid base64 is judged as written). Placeholders, templated and SOPS-encrypted values, and public
 * certificates are skipped.
 */
function realValues(field: unknown, encoded: boolean): RealValue[] {
  const found: RealValue[] = [];
  for (const [key, raw] of Object.entries(asObject(field) ?? {})) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    // Raw base64 can look like a path (`/9j/…`) or a short word: judge templates on the raw text only.
    if (isTemplatedText(raw) || /^ENC\[/.test(raw.trim())) continue;
    const value = encoded ? (decodeBase64(raw) ?? raw) : raw;
    if (value.trim() === '' || isNonSecretValue(value) || isPublicKeyMaterial(value)) continue;
    const kind = secretValueKind(value);
    // A config file kept in a Secret (multi-line, or a key named like a file) counts only when it holds a credential.
    const configFile = value.trim().includes('\n') || CONFIG_FILE_NAME.test(key);
    if (!kind && configFile && !findSecretInText(value)) continue;
    found.push({ key, ...(kind && { kind }) });
  }
  return found;
}

/** Secret objects with real values committed with the manifests. */
export default defineRule({
  meta: {
    id: 'secret-committed',
    title: 'Secret with real values in the manifests',
    severity: 'medium',
    category: 'identity',
    description:
      'A `Secret` object has `data` or `stringData` entries with real values: `data` values are base64-decoded, ' +
      'then empty values, placeholders (`changeme`, `<…>`, `${…}`, `{{…}}`, …), encrypted values (SOPS ' +
      '`ENC[…]`) and public certificates or public keys are skipped. Secrets encrypted by SOPS (a top-level ' +
      '`sops` key) and Secrets without values (for example a `kubernetes.io/service-account-token` Secret the ' +
      'controller fills in) are not reported. A config file (a multi-line value, or a key such as `alertmanager.yaml`) ' +
      'counts only when it contains a credential shape or a line assigning a real value to a secret-like key ' +
      '(as in `sensitive-configmap-data`). One finding per field (`data`, `stringData`) listing the keys; the ' +
      'severity rises to high when a value has the shape of a known credential (private key, cloud or SaaS ' +
      'token). Messages never show the values.',
    rationale:
      'A Secret manifest only base64-encodes its values: committed to Git, the credential is readable by everyone ' +
      'with access to the repository, its forks, clones, CI caches and history, forever (deleting the file does ' +
      'not remove it from history). Leaked repository credentials are among the most common initial access ' +
      'vectors for cloud breaches (MITRE ATT&CK T1552.001, Unsecured Credentials: Credentials In Files; CWE-798).',
    sources: [
      {
        title: 'Kubernetes: Secrets ("Secrets are, by default, stored unencrypted")',
        url: 'https://kubernetes.io/docs/concepts/configuration/secret/',
      },
      SECRETS_GOOD_PRACTICES,
      { title: 'Sealed Secrets', url: 'https://github.com/bitnami-labs/sealed-secrets' },
      { title: 'External Secrets Operator', url: 'https://external-secrets.io/' },
      { title: 'SOPS', url: 'https://github.com/getsops/sops' },
      CWE_798,
    ],
    remediation:
      'Rotate the credentials, remove them from the repository history, and commit only an encrypted or ' +
      'referenced form: a SealedSecret, an ExternalSecret pointing at your secret manager, or a SOPS-encrypted ' +
      'file:\n\n' +
      '```yaml\napiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n' +
      '  secretStoreRef:\n    name: vault\n    kind: ClusterSecretStore\n  target:\n    name: db\n  data:\n' +
      '    - secretKey: password\n      remoteRef:\n        key: prod/db\n        property: password\n```',
    tags: ['secrets'],
  },
  match: { kinds: ['Secret'] },
  check({ resource, report }) {
    if (isSet(resource.object.sops)) return;
    const name = resource.name ?? '(unnamed)';
    for (const field of ['data', 'stringData'] as const) {
      const values = realValues(resource.object[field], field === 'data');
      if (values.length === 0) continue;
      const credential = values.find((v) => v.kind !== undefined);
      const keys = listNames(values.map((v) => v.key));
      const plural = values.length === 1 ? 'a real value' : `${values.length} real values`;
      const shape = credential?.kind
        ? ` (key "${credential.key}" holds ${describeHit({ kind: credential.kind, length: 0 })})`
        : '';
      report({
        message:
          `Secret "${name}" has ${plural} in ${field} (${keys})${shape}: anyone with access to the repository ` +
          'or its history can read them; commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead.',
        path: [field],
        key: field,
        ...(credential && { severity: 'high' as const }),
      });
    }
  },
});
