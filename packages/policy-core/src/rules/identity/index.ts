import type { Rule } from '../rule.js';
import serviceAccountTokenAutomount from './service-account-token-automount.js';
import defaultServiceAccount from './default-service-account.js';
import serviceAccountNotFound from './service-account-not-found.js';
import deprecatedServiceAccountField from './deprecated-service-account-field.js';
import serviceAccountTokenProjection from './service-account-token-projection.js';
import staticCloudCredentials from './static-cloud-credentials.js';
import spiffeSocketHostPath from './spiffe-socket-host-path.js';
import spiffeCsiWritable from './spiffe-csi-writable.js';
import clusterSpiffeIdBroad from './cluster-spiffe-id-broad.js';

/** The identity rules, in documentation order. */
export const IDENTITY_RULES: readonly Rule[] = [
  serviceAccountTokenAutomount,
  defaultServiceAccount,
  serviceAccountNotFound,
  deprecatedServiceAccountField,
  serviceAccountTokenProjection,
  staticCloudCredentials,
  spiffeSocketHostPath,
  spiffeCsiWritable,
  clusterSpiffeIdBroad,
];
