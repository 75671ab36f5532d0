import { defineRule } from '../rule.js';
import { apiGroup } from '../../model/workload.js';
import { isEmptySelector } from '../../model/selector.js';
import { asArray, asObject, asString, isSet, type JsonObject } from '../../model/values.js';
import type { EvaluationSettings } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { show } from '../pss/common.js';
import { formatSeconds, parseGoDuration } from './common.js';

const NAME_LABEL = 'kubernetes.io/metadata.name';
const MAX_X509_TTL = 24 * 3600;
const MAX_JWT_TTL = 3600;

/** True when a selector is absent or selects everything. */
function unscoped(selector: unknown): boolean {
  return !isSet(selector) || isEmptySelector(selector);
}

/** The namespace names a namespaceSelector pins through `kubernetes.io/metadata.name`, or undefined. */
function pinnedNamespaces(selector: unknown): string[] | undefined {
  const object = asObject(selector);
  if (!object) return undefined;
  let names: string[] | undefined;
  const label = asObject(object.matchLabels)?.[NAME_LABEL];
  if (typeof label === 'string') names = [label];
  for (const raw of asArray(object.matchExpressions)) {
    const expression = asObject(raw);
    if (expression?.key !== NAME_LABEL || expression.operator !== 'In') continue;
    const values = asArray(expression.values).filter((v): v is string => typeof v === 'string');
    names = names === undefined ? values : names.filter((n) => values.includes(n));
  }
  return names;
}

function isSpireNamespace(name: string, settings: EvaluationSettings): boolean {
  return name.includes('spire') || isSystemNamespace(name, settings);
}

/** ID-006: a ClusterSPIFFEID that hands out shared, privileged, federated or long-lived identities. */
export default defineRule({
  meta: {
    id: 'cluster-spiffe-id-broad',
    title: 'Over-broad or long-lived ClusterSPIFFEID',
    severity: 'high',
    category: 'identity',
    description:
      'A `ClusterSPIFFEID` (spire.spiffe.io) with, one finding each: no `podSelector` and no `namespaceSelector` (or ' +
      'only empty ones), so it targets every pod of the cluster (high, at `spec`); a `spiffeIDTemplate` without ' +
      '`.PodMeta.Namespace` (unless the namespaceSelector pins a single namespace by `kubernetes.io/metadata.name`) ' +
      'or without `.PodSpec.ServiceAccountName` (unless a podSelector narrows it to specific pods) (high); `admin: ' +
      'true` or `downstream: true` while the namespaceSelector does not pin only SPIRE or platform namespaces by ' +
      'name (high); `federatesWith` without a podSelector, so whole namespaces trust the foreign trust domains ' +
      '(high); `ttl` above 24h or `jwtTtl` above 1h (low). Durations are Go durations (`1h30m`, `90s`); values ' +
      'that do not parse are not judged.',
    rationale:
      'The controller registers one SPIRE entry per selected pod, rendering the SPIFFE ID from the template. A ' +
      'template without the namespace lets a tenant who creates a ServiceAccount with the same name in another ' +
      'namespace obtain the same SPIFFE ID, and one without the ServiceAccount gives every workload of a namespace ' +
      'the same identity, so authorization policies that trust that ID (mTLS peers, Istio AuthorizationPolicy, ' +
      'cloud federation) trust them all. `admin` SVIDs can call the SPIRE server administrative APIs (create entries, ' +
      'mint identities) and `downstream` SVIDs can act as a downstream SPIRE server signing SVIDs for the trust ' +
      'domain: handed to tenant pods, either is a full compromise of the trust domain. `federatesWith` on broad ' +
      'selectors makes many workloads trust peers from another trust domain. Long SVID lifetimes keep stolen keys ' +
      'and tokens usable; SPIRE defaults to an hour for X.509-SVIDs and five minutes for JWT-SVIDs.',
    sources: [
      {
        title: 'spire-controller-manager: ClusterSPIFFEID CRD',
        url: 'https://github.com/spiffe/spire-controller-manager/blob/main/docs/clusterspiffeid-crd.md',
      },
      {
        title: 'SPIRE Server configuration reference (default_x509_svid_ttl, default_jwt_svid_ttl)',
        url: 'https://spiffe.io/docs/latest/deploying/spire_server/',
      },
      { title: 'Go time.ParseDuration', url: 'https://pkg.go.dev/time#ParseDuration' },
    ],
    remediation:
      'Scope the entry to the workloads that need it, keep namespace and ServiceAccount in the ID, and keep lifetimes ' +
      'short:\n\n' +
      '```yaml\napiVersion: spire.spiffe.io/v1alpha1\nkind: ClusterSPIFFEID\nmetadata:\n  name: payments\nspec:\n' +
      '  spiffeIDTemplate: "spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}"\n' +
      '  namespaceSelector:\n    matchLabels:\n      kubernetes.io/metadata.name: payments\n  podSelector:\n' +
      '    matchLabels:\n      app: payments-api\n  ttl: 1h\n```\n\n' +
      'Reserve `admin`/`downstream` for entries whose namespaceSelector names only the SPIRE namespaces.',
    tags: ['workload-identity', 'spiffe', 'multitenancy'],
  },
  match: { kinds: ['ClusterSPIFFEID'] },
  check({ resource, settings, report }) {
    if (apiGroup(resource.apiVersion) !== 'spire.spiffe.io') return;
    const spec: JsonObject = asObject(resource.object.spec) ?? {};
    const at = (field: string) => ['spec', field];
    const noPods = unscoped(spec.podSelector);
    const noNamespaces = unscoped(spec.namespaceSelector);
    const pinned = pinnedNamespaces(spec.namespaceSelector);
    if (noPods && noNamespaces) {
      report({
        message:
          'The ClusterSPIFFEID has no podSelector and no namespaceSelector: it registers a SPIFFE ID for every pod in ' +
          'every namespace the controller watches.',
        path: ['spec'],
        key: 'selectors',
      });
    }
    const template = asString(spec.spiffeIDTemplate);
    if (template !== undefined) {
      const missing: string[] = [];
      if (!template.includes('.PodMeta.Namespace') && pinned?.length !== 1)
        missing.push('.PodMeta.Namespace');
      if (!template.includes('.PodSpec.ServiceAccountName') && noPods)
        missing.push('.PodSpec.ServiceAccountName');
      if (missing.length > 0) {
        report({
          message:
            `spiffeIDTemplate ${show(template)} does not include ${missing.join(' or ')}: different workloads ` +
            `${missing.includes('.PodMeta.Namespace') ? 'in different namespaces ' : ''}receive the same SPIFFE ID.`,
          path: at('spiffeIDTemplate'),
          key: 'template',
        });
      }
    }
    const limitedToSpire =
      pinned !== undefined && pinned.length > 0 && pinned.every((n) => isSpireNamespace(n, settings));
    for (const field of ['admin', 'downstream'] as const) {
      if (spec[field] !== true || limitedToSpire) continue;
      const power =
        field === 'admin'
          ? 'call the SPIRE server administrative APIs'
          : 'act as a downstream SPIRE server and sign SVIDs';
      report({
        message:
          `The ClusterSPIFFEID sets ${field}: true but its namespaceSelector does not name only SPIRE namespaces: ` +
          `every selected pod can ${power} for the trust domain.`,
        path: at(field),
        key: field,
      });
    }
    const federates = asArray(spec.federatesWith);
    if (federates.length > 0 && noPods) {
      report({
        message:
          `The ClusterSPIFFEID federates with ${show(federates)} without a podSelector: every pod it selects ` +
          'receives and trusts the foreign trust bundles, not just the workloads that talk to those domains.',
        path: at('federatesWith'),
        key: 'federatesWith',
      });
    }
    for (const [field, max, kind] of [
      ['ttl', MAX_X509_TTL, 'X.509-SVIDs'],
      ['jwtTtl', MAX_JWT_TTL, 'JWT-SVIDs'],
    ] as const) {
      const text = asString(spec[field]);
      const seconds = text === undefined ? undefined : parseGoDuration(text);
      if (seconds === undefined || seconds <= max) continue;
      report({
        message: `${field} ${show(text)} lets ${kind} live longer than ${formatSeconds(max)}: a stolen SVID stays usable that long.`,
        path: at(field),
        key: field,
        severity: 'low',
      });
    }
  },
});
