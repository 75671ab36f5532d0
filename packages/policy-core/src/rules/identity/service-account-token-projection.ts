import { defineRule } from '../rule.js';
import { asArray, asObject, isSet } from '../../model/values.js';
import { hasOwn } from '../pss/common.js';
import { SERVICE_ACCOUNTS_SOURCE, formatSeconds, volumesOf } from './common.js';

/** Longest token lifetime accepted without a finding: the kubelet rotates tokens after 24 hours at the latest. */
const MAX_EXPIRATION_SECONDS = 24 * 3600;

/** Projected `serviceAccountToken` sources that yield API-server tokens or long-lived tokens. */
export default defineRule({
  meta: {
    id: 'service-account-token-projection',
    title: 'Projected service account token without audience or long-lived',
    severity: 'low',
    category: 'identity',
    description:
      'A `projected` volume has a `serviceAccountToken` source without `audience` (or with an empty one), or with ' +
      '`expirationSeconds` above 86400 (24 hours); one finding per problem. Templated values are not judged. The ' +
      'token that Kubernetes mounts automatically is covered by `service-account-token-automount`.',
    rationale:
      "A projected token without `audience` gets the API server's own audience, so it is a full Kubernetes API " +
      'credential with every RBAC permission of the ServiceAccount, even when it was meant for Vault, a cloud STS or ' +
      'a peer service, and any of those services that receives it can replay it against the API server. Audience-' +
      'bound tokens are accepted only by the service they name. Long lifetimes widen the window in which a stolen ' +
      'token can be replayed (MITRE ATT&CK T1528, Steal Application Access Token); the default is one hour and the ' +
      'kubelet rotates tokens anyway once they are 80% through their lifetime or 24 hours old.',
    sources: [
      {
        title: 'Kubernetes: Projected volumes (serviceAccountToken)',
        url: 'https://kubernetes.io/docs/concepts/storage/projected-volumes/#serviceaccounttoken',
      },
      SERVICE_ACCOUNTS_SOURCE,
      {
        title: 'MITRE ATT&CK T1528: Steal Application Access Token',
        url: 'https://attack.mitre.org/techniques/T1528/',
      },
    ],
    remediation:
      'Name the service that consumes the token and keep the lifetime short:\n\n' +
      '```yaml\nvolumes:\n  - name: vault-token\n    projected:\n      sources:\n        - serviceAccountToken:\n' +
      '            path: token\n            audience: vault\n            expirationSeconds: 3600\n```',
    recommended: false,
    tags: ['workload-identity', 'service-accounts'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const volume of volumesOf(workload)) {
      asArray(asObject(volume.spec.projected)?.sources).forEach((raw, sourceIndex) => {
        const token = asObject(asObject(raw)?.serviceAccountToken);
        if (!token) return;
        const path = [...volume.path, 'projected', 'sources', sourceIndex, 'serviceAccountToken'];
        if (!isSet(token.audience) || token.audience === '') {
          report({
            message:
              `Projected volume "${volume.name}" requests a service account token without an audience: it is ` +
              'issued for the Kubernetes API server, so whoever receives it can use it as an API credential.',
            path: hasOwn(token, 'audience') ? [...path, 'audience'] : path,
            key: `audience:${sourceIndex}`,
          });
        }
        const expiration = token.expirationSeconds;
        if (typeof expiration === 'number' && expiration > MAX_EXPIRATION_SECONDS) {
          report({
            message:
              `Projected volume "${volume.name}" requests a service account token valid for ${expiration} seconds ` +
              `(${formatSeconds(expiration)}), more than 24 hours: a stolen token stays usable that long.`,
            path: [...path, 'expirationSeconds'],
            key: `expiration:${sourceIndex}`,
          });
        }
      });
    }
  },
});
