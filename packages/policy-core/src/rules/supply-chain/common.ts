/**
 * Helpers shared by the supply-chain, secrets and exposure rules (no rule logic lives here): image
 * references as the kubelet reads them, and literal-secret heuristics layered on rules/shared/secrets.ts.
 */
import type { Path, RuleSource } from '../../types.js';
import { KUBE_SCORE_CHECKS, POLARIS_RELIABILITY } from '../shared/sources.js';

export { KUBE_SCORE_CHECKS, POLARIS_RELIABILITY };
import type { ContainerView } from '../../model/workload.js';
import { imageLocation, isTemplatedText, parseImageRef, type ImageRef } from '../../model/image.js';
import { asString } from '../../model/values.js';
import { isPlaceholderValue, isSecretName, secretValueKind } from '../shared/secrets.js';

// ---------------------------------------------------------------------------------------------------
// Sources shared by several rules
// ---------------------------------------------------------------------------------------------------

export const IMAGES_SOURCE: RuleSource = {
  title: 'Kubernetes: Images',
  url: 'https://kubernetes.io/docs/concepts/containers/images/',
};
export const POLARIS_SECURITY: RuleSource = {
  title: 'Polaris security checks',
  url: 'https://polaris.docs.fairwinds.com/checks/security/',
};
export const CHECKOV_KUBERNETES: RuleSource = {
  title: 'Checkov Kubernetes policy index',
  url: 'https://www.checkov.io/5.Policy%20Index/kubernetes.html',
};
export const SECRETS_GOOD_PRACTICES: RuleSource = {
  title: 'Kubernetes: Good practices for Kubernetes Secrets',
  url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
};
export const CWE_798: RuleSource = {
  title: 'CWE-798: Use of Hard-coded Credentials',
  url: 'https://cwe.mitre.org/data/definitions/798.html',
};

// ---------------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------------

/** Docker Hub's other host names: the runtime treats them as `docker.io`. */
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export interface ContainerImage {
  ref: ImageRef;
  /** Path of the container's `image` field. */
  path: Path;
}

/**
 * The container's image as the runtime resolves it, or undefined when it cannot be judged: missing,
 * empty, not a string, or holding template placeholders (`${…}`, `{{…}}`, `$(…)`).
 */
export function containerImage(container: ContainerView): ContainerImage | undefined {
  const raw = asString(container.spec.image);
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = parseImageRef(raw);
  if (parsed.templated) return undefined;
  return { ref: normalizeDockerHub(parsed), path: [...container.path, 'image'] };
}

function normalizeDockerHub(ref: ImageRef): ImageRef {
  if (!DOCKER_HUB_ALIASES.has(ref.registry.toLowerCase())) return ref;
  const repository = ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
  return { ...ref, registry: 'docker.io', repository };
}

/** True when the reference names moving content: no digest, and no tag or the tag `latest`. */
export function isMutableReference(ref: ImageRef): boolean {
  return ref.digest === undefined && (ref.tag === undefined || ref.tag === '' || ref.tag === 'latest');
}

/** `registry/repository` plus the Docker Hub short form (`docker.io/nginx` for `docker.io/library/nginx`). */
export function locationAliases(ref: ImageRef): string[] {
  const location = imageLocation(ref);
  if (ref.registry === 'docker.io' && ref.repository.startsWith('library/')) {
    return [location, `docker.io/${ref.repository.slice('library/'.length)}`];
  }
  return [location];
}

/** Every `/`-separated prefix of a location: `a.io`, `a.io/team`, `a.io/team/app`. */
export function locationPrefixes(location: string): string[] {
  const parts = location.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export interface EffectivePullPolicy {
  policy: PullPolicy;
  /** True when the container writes imagePullPolicy itself; false when the API server defaults it. */
  explicit: boolean;
}

/**
 * The pull policy the API server stores for the container: the written value, or the default
 * (`Always` for `:latest` or untagged images without a digest, `IfNotPresent` otherwise). Undefined
 * when the written value is not one of the three policies (templated or invalid).
 */
export function effectivePullPolicy(
  container: ContainerView,
  ref: ImageRef,
): EffectivePullPolicy | undefined {
  const written = container.spec.imagePullPolicy;
  if (written === undefined || written === null) {
    return { policy: isMutableReference(ref) ? 'Always' : 'IfNotPresent', explicit: false };
  }
  if (written === 'Always' || written === 'IfNotPresent' || written === 'Never') {
    return { policy: written, explicit: true };
  }
  return undefined;
}

/** `"nginx:1.27"` as written, shortened for messages. */
export function showImage(ref: ImageRef): string {
  const text = ref.raw.trim();
  return `"${text.length > 100 ? `${text.slice(0, 97)}...` : text}"`;
}

// ---------------------------------------------------------------------------------------------------
// Literal secrets
// ---------------------------------------------------------------------------------------------------

/** Last words of Secret object names (`volcano-admission-secret`, `shop-api-tls`, `app-db-credentials`). */
const SECRET_OBJECT_SUFFIXES = new Set([
  'secret',
  'secrets',
  'credentials',
  'creds',
  'tls',
  'cert',
  'certs',
  'keys',
]);

/**
 * A lower-case name of three or more words ending in a Secret-ish word: a reference to a Secret object,
 * not a credential. Two-word values (`db-secret`) and other endings (`my-password`) stay suspicious.
 */
function isObjectNameReference(value: string): boolean {
  if (!/^[a-z0-9]+(-[a-z0-9]+){2,}$/.test(value)) return false;
  return SECRET_OBJECT_SUFFIXES.has(value.slice(value.lastIndexOf('-') + 1));
}

/**
 * Values that are not a literal secret: placeholders and references (shared list), template
 * expressions anywhere in the value, encrypted values (SOPS `ENC[…]`, Jasypt `ENC(…)`, Spring Cloud
 * Config `{cipher}`, Ansible `!vault`), names of Secret objects (`volcano-admission-secret`), short numbers (ports, counts, seconds), and
 * durations or sizes with a unit (`30s`, `512Mi`). Longer digit strings stay suspicious: they may be
 * numeric passwords.
 */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (isPlaceholderValue(v) || isTemplatedText(v)) return true;
  if (/^(ENC\[|ENC\(|\{cipher\}|!vault|vault:|\$__(file|env|vault)\{)/i.test(v)) return true;
  if (isObjectNameReference(v)) return true;
  if (/^-?\d{1,5}(\.\d+)?$/.test(v)) return true;
  if (/^\d+(\.\d+)?(ns|us|ms|s|m|h|d|w|ki|mi|gi|ti|k|g|t|kb|mb|gb|%)$/i.test(v)) return true;
  return false;
}

/** A literal secret found in a name/value pair (never carries the value). */
export interface SecretHit {
  /** A known credential shape (`private key`, `GitHub token`, …) or undefined for a name-based hit. */
  kind?: string;
  /** Length of the value, for name-based hits. */
  length: number;
}

/** A literal secret in one name/value pair: a known credential shape anywhere, or a secret-like name with a real value. */
export function literalSecret(name: string, value: string): SecretHit | undefined {
  const kind = secretValueKind(value);
  if (kind) return { kind, length: value.length };
  if (isSecretName(name) && !isNonSecretValue(value)) return { length: value.trim().length };
  return undefined;
}

/** `a GitHub token` / `a literal value (12 characters)`: what was found, never the value itself. */
export function describeHit(hit: SecretHit): string {
  if (hit.kind) return `${/^[aeio]/i.test(hit.kind) ? 'an' : 'a'} ${hit.kind}`;
  return `a literal value (${hit.length} characters)`;
}

/** A secret found inside a multi-line value (a config file in a ConfigMap, a shell script, …). */
export interface TextSecretHit extends SecretHit {
  /** 1-based line inside the value. */
  line: number;
  /** The assigned key (`spring.datasource.password`) for name-based hits. */
  key?: string;
}

const ASSIGNMENT = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*(?:=|:(?!\/\/))\s*(.*)$/;
const CODE_EXPRESSION = /^[A-Za-z_$][\w$.]*\s*[([]|^(process\.env|os\.environ|System\.getenv|ENV)\b/;
const XML_ELEMENT = /<([A-Za-z_][\w.-]*)>([^<]+)<\/\1>/;

/** Clean an assigned value: drop a trailing comma or inline comment and surrounding quotes. */
function assignedValue(raw: string): string {
  let v = raw.trim().replace(/,$/, '').trim();
  const quoted = /^(["'])(.*)\1$/.exec(v);
  if (quoted) return quoted[2] ?? '';
  v = v.replace(/\s+#.*$/, '').trim();
  return v;
}

/**
 * The first literal secret in a text: a line with a known credential shape, or a `key = value` /
 * `key: value` / `"key": "value"` / `<key>value</key>` assignment whose key looks like a secret and
 * whose value is real. Comment lines and block openers (`key: |`, `key: {`) are skipped.
 */
export function findSecretInText(text: string): TextSecretHit | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const kind = secretValueKind(line);
    if (kind) return { kind, length: trimmed.length, line: i + 1 };
    if (/^(#|\/\/|;|<!--)/.test(trimmed)) continue;
    const xml = XML_ELEMENT.exec(trimmed);
    const assignment = xml ? [xml[0], xml[1], xml[2]] : ASSIGNMENT.exec(line);
    if (!assignment) continue;
    const key = assignment[1] ?? '';
    const value = assignedValue(assignment[2] ?? '');
    // Block openers, YAML anchors/tags, prose (three or more words) and code (`os.environ["X"]`,
    // `get_secret("db")`, `process.env.TOKEN`) are not literal secrets.
    if (value === '' || /^[|>{[&*!]/.test(value) || value.split(/\s+/).length >= 3) continue;
    if (CODE_EXPRESSION.test(value)) continue;
    if (isSecretName(key) && !isNonSecretValue(value)) return { length: value.length, line: i + 1, key };
  }
  return undefined;
}

/** File names of key material (private keys, keystores). */
export function isKeyFileName(name: string): boolean {
  return /(^|[._-])(id_(rsa|dsa|ecdsa|ed25519)|[^/]*\.(key|p12|pfx|jks|keystore|ppk)|\.pgpass|\.netrc|\.git-credentials)$/i.test(
    name,
  );
}

/** Public material that is safe in Git: certificates and public keys, without any private key. */
export function isPublicKeyMaterial(value: string): boolean {
  return (
    /-----BEGIN (CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|SSH2 PUBLIC KEY)-----/.test(value) &&
    !/PRIVATE KEY-----/.test(value)
  );
}

/** `"a", "b", "c" and 2 more` */
export function listNames(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
