/**
 * The per-component checks of `control-plane-hardening-flags` (CIS 1.2.x, 1.3.x, 1.4.x), and the
 * EncryptionConfiguration check. Each returns issues; the rule reports them.
 */
import type { Path, Severity } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { type ComponentConfig, parseGoBool, showFlag } from './common.js';

export interface Issue {
  message: string;
  path: Path;
  key: string;
  severity?: Severity;
}

/** TLS cipher suites the CIS benchmark (1.2.29) accepts. */
const STRONG_CIPHERS = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
]);

/** Required file flags of kube-apiserver, grouped as the CIS checks group them. */
const APISERVER_FILES: readonly { flags: readonly string[]; cis: string; effect: string }[] = [
  {
    flags: ['kubelet-client-certificate', 'kubelet-client-key'],
    cis: '1.2.4',
    effect: 'the API server cannot authenticate to kubelets (exec, logs, port-forward)',
  },
  {
    flags: ['kubelet-certificate-authority'],
    cis: '1.2.5',
    effect:
      'the API server does not verify kubelet serving certificates, so exec and log streams can be intercepted',
  },
  {
    flags: ['service-account-key-file'],
    cis: '1.2.22',
    effect:
      'service account tokens are verified with the TLS serving key instead of a dedicated, rotatable key',
  },
  {
    flags: ['etcd-certfile', 'etcd-keyfile'],
    cis: '1.2.23',
    effect: 'the API server does not authenticate to etcd with a client certificate',
  },
  {
    flags: ['tls-cert-file', 'tls-private-key-file'],
    cis: '1.2.24',
    effect: 'the API server serves a self-signed certificate that clients cannot verify',
  },
  { flags: ['client-ca-file'], cis: '1.2.25', effect: 'client certificate authentication is off' },
  {
    flags: ['etcd-cafile'],
    cis: '1.2.26',
    effect: 'the API server does not verify the etcd server certificate',
  },
  {
    flags: ['encryption-provider-config'],
    cis: '1.2.27',
    effect: 'Secrets are stored unencrypted in etcd and in its backups',
  },
];

function profiling(config: ComponentConfig, cis: string): Issue[] {
  const flag = config.flag('profiling', 'true');
  if (!flag || flag.templated || parseGoBool(flag.value) !== true) return [];
  return [
    {
      message: `${config.subject} runs with ${showFlag(flag)}, exposing /debug/pprof (CIS ${cis}): profiling data reveals internals and the endpoint can be used to load the component.`,
      path: flag.path,
      key: 'profiling',
    },
  ];
}

function isLoopback(address: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1';
}

function bindAddress(config: ComponentConfig, cis: string): Issue[] {
  const flag = config.flag('bind-address', '0.0.0.0');
  if (!flag || flag.templated || isLoopback(flag.value)) return [];
  return [
    {
      message: `${config.subject} runs with ${showFlag(flag)} (CIS ${cis}): its secure port, with metrics and health endpoints, listens on every interface instead of loopback.`,
      path: flag.path,
      key: 'bind-address',
    },
  ];
}

/** Flags that must be set (non-empty); one issue per group, naming the missing ones. */
function requiredFiles(config: ComponentConfig, groups: typeof APISERVER_FILES): Issue[] {
  const issues: Issue[] = [];
  for (const { flags, cis, effect } of groups) {
    const values = flags.map((f) => config.flag(f));
    if (values.some((v) => v?.templated)) continue;
    const missing = flags.filter((_, i) => !values[i] || values[i]!.value === '');
    if (missing.length === 0) continue;
    const names = missing.map((f) => `--${f}`).join(' and ');
    issues.push({
      message: `${config.subject} does not set ${names} (CIS ${cis}): ${effect}.`,
      path: values.find((v) => v !== undefined && v.source === 'manifest')?.path ?? config.missingPath,
      key: missing[0]!,
    });
  }
  return issues;
}

export function apiserverIssues(config: ComponentConfig): Issue[] {
  const issues = [...profiling(config, '1.2.15'), ...requiredFiles(config, APISERVER_FILES)];
  const lookup = config.flag('service-account-lookup', 'true');
  if (lookup && !lookup.templated && parseGoBool(lookup.value) === false) {
    issues.push({
      message: `${config.subject} runs with ${showFlag(lookup)} (CIS 1.2.21): tokens of deleted service accounts keep working until they expire.`,
      path: lookup.path,
      key: 'service-account-lookup',
    });
  }
  const extend = config.flag('service-account-extend-token-expiration', 'true');
  if (extend && !extend.templated && parseGoBool(extend.value) === true) {
    issues.push({
      message: `${config.subject} runs with ${showFlag(extend)}: projected service account tokens are extended to one year, so a stolen pod token stays valid long after its nominal hour (CIS 1.2.30).`,
      path: extend.path,
      key: 'service-account-extend-token-expiration',
      severity: 'low',
    });
  }
  const etcd = config.flag('etcd-servers');
  if (etcd && !etcd.templated && etcd.value !== '') {
    const plain = etcd.value.split(',').filter((u) => u.trim().startsWith('http://'));
    if (plain.length > 0) {
      issues.push({
        message: `${config.subject} reaches etcd over plain HTTP (${plain.join(', ')}): every object, Secrets included, crosses the network unencrypted and unauthenticated.`,
        path: etcd.path,
        key: 'etcd-servers',
        severity: 'high',
      });
    }
  }
  const ciphers = config.list('tls-cipher-suites');
  if (ciphers && !ciphers.templated && ciphers.source === 'manifest') {
    const weak = ciphers.items.filter((c) => !STRONG_CIPHERS.has(c.item));
    if (weak.length > 0) {
      issues.push({
        message: `${config.subject} allows weak TLS cipher suites ${weak.map((w) => w.item).join(', ')} (CIS 1.2.29): they lack forward secrecy or authenticated encryption.`,
        path: weak[0]!.path,
        key: 'tls-cipher-suites',
      });
    }
  }
  const minVersion = config.flag('tls-min-version');
  if (minVersion && !minVersion.templated && ['VersionTLS10', 'VersionTLS11'].includes(minVersion.value)) {
    issues.push({
      message: `${config.subject} accepts ${minVersion.value.replace('Version', '')} (--tls-min-version=${minVersion.value}): TLS 1.0 and 1.1 are deprecated (RFC 8996).`,
      path: minVersion.path,
      key: 'tls-min-version',
    });
  }
  return issues;
}

const CONTROLLER_MANAGER_FILES: typeof APISERVER_FILES = [
  {
    flags: ['service-account-private-key-file'],
    cis: '1.3.4',
    effect: 'the controller manager cannot sign service account tokens with a dedicated, rotatable key',
  },
  {
    flags: ['root-ca-file'],
    cis: '1.3.5',
    effect: 'pods do not get the cluster CA to verify the API server they talk to',
  },
];

export function controllerManagerIssues(config: ComponentConfig): Issue[] {
  const issues = [
    ...profiling(config, '1.3.2'),
    ...bindAddress(config, '1.3.7'),
    ...requiredFiles(config, CONTROLLER_MANAGER_FILES),
  ];
  const credentials = config.flag('use-service-account-credentials', 'false');
  if (credentials && !credentials.templated && parseGoBool(credentials.value) !== true) {
    issues.push({
      message: `${config.subject} runs with ${showFlag(credentials)} (CIS 1.3.3): every controller shares the controller manager's own, very broad identity instead of a per-controller service account.`,
      path: credentials.path,
      key: 'use-service-account-credentials',
    });
  }
  return issues;
}

export function schedulerIssues(config: ComponentConfig): Issue[] {
  // kube-scheduler ignores its deprecated --profiling flag when a --config file is given.
  const fromFlags = config.has('config') ? [] : profiling(config, '1.4.1');
  return [...fromFlags, ...bindAddress(config, '1.4.2')];
}

const coversSecrets = (names: readonly string[]) =>
  names.some((n) => ['secrets', 'secrets.', '*.', '*.*'].includes(n));

/** EncryptionConfiguration: the first entry that covers Secrets must not start with `identity` (CIS 1.2.28). */
export function encryptionIssues(resource: Resource): Issue[] {
  const entries = asArray(resource.object.resources);
  const index = entries.findIndex((raw) =>
    coversSecrets(asArray(asObject(raw)?.resources).filter((n): n is string => typeof n === 'string')),
  );
  if (index < 0) {
    return [
      {
        message:
          'The EncryptionConfiguration has no entry for secrets (nor "*." or "*.*"), so Secrets are stored unencrypted in etcd.',
        path: entries.length > 0 ? ['resources'] : [],
        key: 'secrets-missing',
      },
    ];
  }
  const providers = asArray(asObject(entries[index])?.providers);
  const first = asObject(providers[0]);
  if (!first || Object.keys(first)[0] !== 'identity') return [];
  const resourcesText = asArray(asObject(entries[index])?.resources)
    .map((r) => asString(r) ?? '')
    .join(', ');
  return [
    {
      message: `EncryptionConfiguration lists identity first for ${resourcesText}: new Secrets are written to etcd unencrypted (CIS 1.2.28); put aescbc, secretbox or kms first.`,
      path: ['resources', index, 'providers', 0],
      key: 'identity-first',
      severity: 'high',
    },
  ];
}
