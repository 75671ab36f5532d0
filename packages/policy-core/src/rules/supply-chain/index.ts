import type { Rule } from '../rule.js';
import imageTagMutable from './image-tag-mutable.js';
import imageNotPinnedByDigest from './image-not-pinned-by-digest.js';
import imagePullPolicy from './image-pull-policy.js';
import untrustedRegistry from './untrusted-registry.js';
import literalSecretInEnv from './literal-secret-in-env.js';
import secretInEnvReference from './secret-in-env-reference.js';
import sensitiveConfigmapData from './sensitive-configmap-data.js';
import secretCommitted from './secret-committed.js';
import serviceExposure from './service-exposure.js';
import ingressWithoutTls from './ingress-without-tls.js';
import hostAliases from './host-aliases.js';
import defaultNamespace from './default-namespace.js';
import riskyAdminToolDeployed from './risky-admin-tool-deployed.js';

/** The supply-chain rules, in documentation order. */
export const SUPPLY_CHAIN_RULES: readonly Rule[] = [
  // Images
  imageTagMutable,
  imageNotPinnedByDigest,
  imagePullPolicy,
  untrustedRegistry,
  // Secrets
  literalSecretInEnv,
  secretInEnvReference,
  sensitiveConfigmapData,
  secretCommitted,
  // Exposure
  serviceExposure,
  ingressWithoutTls,
  hostAliases,
  defaultNamespace,
  riskyAdminToolDeployed,
];
