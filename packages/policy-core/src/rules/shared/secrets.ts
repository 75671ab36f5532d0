/**
 * Recognising secrets written as literal values: by the variable/key name and by the shape of the
 * value. Tuned to stay quiet on the usual non-secrets (`*_FILE` paths, `*_KEY_ID` pairs' public half is
 * still reported when it is an AWS access key id, references, placeholders, booleans).
 */

/** Names that usually hold a secret: PASSWORD, DB_PASS, API_KEY, CLIENT_SECRET, AUTH_TOKEN, PRIVATE_KEY, … */
const SECRET_NAME = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_.-]?key|access[_.-]?key|private[_.-]?key|secret[_.-]?key|credentials?|auth[_.-]?key|client[_.-]?secret|connection[_.-]?string|dsn)($|[_.-])/i;

/** Names that mention a secret but hold something else (a path, a name, a switch, a length, …). */
const NOT_A_SECRET_NAME = /(_|\.|-)(file|path|dir|name|names|ref|id|url|endpoint|host|port|enabled|enable|disabled|required|length|len|ttl|expiry|expiration|timeout|header|type|mode|version|user|username|field|key_name|secret_name|prefix|suffix|location)$/i;

/** Well-known names of static cloud credentials. */
export const CLOUD_CREDENTIAL_NAMES: ReadonlySet<string> = new Set([
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AZURE_CLIENT_SECRET',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
  'ARM_CLIENT_SECRET',
  'GOOGLE_API_KEY',
  'GOOGLE_APPLICATION_CREDENTIALS_JSON',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'DIGITALOCEAN_ACCESS_TOKEN',
]);

/** Names that mention a secret but hold metadata about it (`TOKEN_AUDIENCE`, `secretRotation`, …). */
const METADATA_NAME_SUFFIX =
  /[_.-](audience|issuer|scopes?|algorithm|alg|duration|interval|lifetime|max[_.-]?age|count|size|limit|kind|format|method|policy|strategy|provider|source|store|backend|region|role|subject|claim|namespace|mount|encoding|charset|rotation|uri|class|template|generator)$/i;

/** `dbPassword` → `db_Password`, so camelCase names meet the separator-based name patterns. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}

/** True when a variable, key or flag name suggests its value is a secret (camelCase names too: `clientSecret`). */
export function isSecretName(name: string): boolean {
  if (CLOUD_CREDENTIAL_NAMES.has(name.toUpperCase())) return true;
  const snake = snakeCase(name);
  if (METADATA_NAME_SUFFIX.test(snake)) return false;
  return [name, snake].some((n) => SECRET_NAME.test(n) && !NOT_A_SECRET_NAME.test(n));
}

/** Values that cannot be a literal secret: empty, placeholders, references, booleans, small numbers. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (/^(true|false|yes|no|on|off|null|none|changeme|change-me|redacted|xxx+|\*+|<[^>]*>)$/i.test(v)) return true;
  if (/^\$\{[^}]*\}$|^\$\([^)]*\)$|^\{\{[^}]*\}\}$|^\$[A-Z_][A-Z0-9_]*$/.test(v)) return true;
  if (/^(\/|\.\/|file:|vault:|secret:|ref\+|arn:aws:secretsmanager|projects\/[^/]+\/secrets\/)/.test(v)) return true;
  return false;
}

/** Known credential shapes, whatever the name: private keys, cloud keys, well-known tokens. */
const SECRET_VALUE_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'private key', pattern: /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/ },
  { name: 'AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub token', pattern: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/ },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'OpenAI API key', pattern: /\bsk-(proj-)?[A-Za-z0-9_-]{32,}\b/ },
  { name: 'Stripe secret key', pattern: /\b(sk|rk)_live_[A-Za-z0-9]{20,}\b/ },
  { name: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { name: 'URL with password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/${}]{3,}@/i },
];

/** The kind of credential a value looks like, or undefined. */
export function secretValueKind(value: string): string | undefined {
  return SECRET_VALUE_PATTERNS.find(({ pattern }) => pattern.test(value))?.name;
}
