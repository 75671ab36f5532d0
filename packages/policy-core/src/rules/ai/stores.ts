/**
 * Agent memory stores (vector databases and caches) and how they authenticate clients, from the container
 * image and environment. Each product's setting is documented by the vendor (see the rule's sources).
 */
import type { Resource } from '../../model/resource.js';
import type { ContainerView } from '../../model/workload.js';
import { isTemplatedText, parseImageRef } from '../../model/image.js';
import { asArray, asObject, asString, isSet } from '../../model/values.js';
import { isKubernetesNetworkPolicy, kubernetesPolicyTypes, specOf } from '../network/policies.js';
import { isWholeFamily, parseCidr } from '../network/cidr.js';
import { selectsEverything } from '../network/selectors.js';

export type StoreKind = 'qdrant' | 'weaviate' | 'chroma' | 'milvus' | 'redis' | 'valkey' | 'pgvector';

export const STORE_NAMES: Readonly<Record<StoreKind, string>> = {
  qdrant: 'Qdrant',
  weaviate: 'Weaviate',
  chroma: 'Chroma',
  milvus: 'Milvus',
  redis: 'Redis',
  valkey: 'Valkey',
  pgvector: 'pgvector (PostgreSQL)',
};

const IMAGE_NAMES: Readonly<Record<string, StoreKind>> = {
  qdrant: 'qdrant',
  weaviate: 'weaviate',
  chroma: 'chroma',
  milvus: 'milvus',
  redis: 'redis',
  'redis-stack': 'redis',
  'redis-stack-server': 'redis',
  valkey: 'valkey',
  pgvector: 'pgvector',
};

/** The store a container runs, from the last segment of its image repository. */
export function storeKindOf(container: ContainerView): StoreKind | undefined {
  const image = asString(container.spec.image);
  if (image === undefined) return undefined;
  const ref = parseImageRef(image);
  if (ref.templated) return undefined;
  const name = ref.repository.toLowerCase().split('/').pop() ?? '';
  return Object.hasOwn(IMAGE_NAMES, name) ? IMAGE_NAMES[name] : undefined;
}

interface Env {
  /** Literal value, or undefined when it comes from valueFrom. */
  value?: string;
}

function envOf(container: ContainerView): Map<string, Env> {
  const env = new Map<string, Env>();
  for (const raw of asArray(container.spec.env)) {
    const entry = asObject(raw);
    const name = asString(entry?.name);
    if (!entry || name === undefined) continue;
    const value = asString(entry.value);
    if (value !== undefined && !isTemplatedText(value)) env.set(name, { value });
    else if (value !== undefined) env.set(name, {});
    else if (isSet(entry.valueFrom)) env.set(name, {});
  }
  return env;
}

function set(env: Map<string, Env>, name: string): boolean {
  const entry = env.get(name);
  return entry !== undefined && (entry.value === undefined || entry.value.trim() !== '');
}

function equals(env: Map<string, Env>, name: string, expected: string): boolean {
  return env.get(name)?.value?.trim().toLowerCase() === expected;
}

/** The setting that would protect the store, for messages. */
export const AUTH_SETTINGS: Readonly<Record<StoreKind, string>> = {
  qdrant: 'QDRANT__SERVICE__API_KEY',
  weaviate:
    'AUTHENTICATION_APIKEY_ENABLED or AUTHENTICATION_OIDC_ENABLED (with AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED: "false")',
  chroma: 'CHROMA_SERVER_AUTHN_PROVIDER, or an authenticating proxy for Chroma 1.x',
  milvus: 'common.security.authorizationEnabled',
  redis: '--requirepass or an ACL file',
  valkey: '--requirepass or an ACL file',
  pgvector: 'a password (POSTGRES_HOST_AUTH_METHOD other than trust)',
};

/**
 * Whether the container visibly runs the store without client authentication. False when auth is configured,
 * and also when it cannot be told (config files, `envFrom`, Milvus, whose switch lives in milvus.yaml).
 */
export function runsWithoutAuth(kind: StoreKind, container: ContainerView): boolean {
  const env = envOf(container);
  const words = ['command', 'args']
    .flatMap((f) => asArray(container.spec[f]))
    .filter((w) => typeof w === 'string');
  const line = words.join(' ');
  const fromEnvFrom = asArray(container.spec.envFrom).length > 0;
  switch (kind) {
    case 'qdrant':
      return (
        !fromEnvFrom &&
        !set(env, 'QDRANT__SERVICE__API_KEY') &&
        !set(env, 'QDRANT__SERVICE__READ_ONLY_API_KEY') &&
        !line.includes('--config-path')
      );
    case 'weaviate': {
      if (equals(env, 'AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED', 'true')) return true;
      const switches = ['AUTHENTICATION_APIKEY_ENABLED', 'AUTHENTICATION_OIDC_ENABLED'];
      if (switches.some((name) => env.has(name) && env.get(name)?.value === undefined)) return false;
      return (
        !fromEnvFrom &&
        !equals(env, 'AUTHENTICATION_APIKEY_ENABLED', 'true') &&
        !equals(env, 'AUTHENTICATION_OIDC_ENABLED', 'true') &&
        !equals(env, 'AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED', 'false') &&
        !env.has('AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED') &&
        !line.includes('--config-file')
      );
    }
    case 'chroma':
      return (
        !fromEnvFrom && !set(env, 'CHROMA_SERVER_AUTHN_PROVIDER') && !set(env, 'CHROMA_SERVER_AUTH_PROVIDER')
      );
    case 'redis':
    case 'valkey': {
      const upper = kind.toUpperCase();
      if (equals(env, 'ALLOW_EMPTY_PASSWORD', 'yes')) return true;
      const redisArgs = env.get('REDIS_ARGS');
      const configured =
        /requirepass|aclfile|\.conf\b/.test(line) ||
        (redisArgs !== undefined &&
          (redisArgs.value === undefined || /requirepass|aclfile/.test(redisArgs.value)));
      return (
        !fromEnvFrom && !configured && !set(env, `${upper}_PASSWORD`) && !set(env, `${upper}_PASSWORD_FILE`)
      );
    }
    case 'pgvector':
      return equals(env, 'POSTGRES_HOST_AUTH_METHOD', 'trust');
    default:
      return false;
  }
}

function peerOpensAll(peer: unknown): boolean {
  const object = asObject(peer);
  if (!object) return false;
  const cidr = asString(asObject(object.ipBlock)?.cidr);
  if (cidr !== undefined) {
    const parsed = parseCidr(cidr);
    return parsed !== undefined && isWholeFamily(parsed);
  }
  return (
    isSet(object.namespaceSelector) &&
    selectsEverything(object.namespaceSelector) &&
    (!isSet(object.podSelector) || selectsEverything(object.podSelector))
  );
}

/**
 * The first Kubernetes NetworkPolicy among `policies` with an ingress rule open to every source: no `from`, a
 * whole-internet `ipBlock`, or every pod of every namespace.
 */
export function openIngressPolicy(policies: readonly Resource[]): Resource | undefined {
  return policies.find((policy) => {
    if (!isKubernetesNetworkPolicy(policy)) return false;
    const spec = specOf(policy);
    if (!kubernetesPolicyTypes(spec).has('ingress')) return false;
    return asArray(spec.ingress).some((raw) => {
      const rule = asObject(raw);
      if (!rule) return false;
      const from = asArray(rule.from);
      return from.length === 0 || from.some(peerOpensAll);
    });
  });
}
