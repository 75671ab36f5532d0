import { isTemplatedText } from '../../model/image.js';
import type { JsonObject } from '../../model/values.js';
import { asArray, asObject, asString, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { POLARIS_SECURITY, listNames } from './common.js';

/** Controller annotations that attach a certificate outside `spec.tls` (cloud load balancers). */
const TLS_ANNOTATIONS: readonly [string, (value: string) => boolean][] = [
  ['alb.ingress.kubernetes.io/certificate-arn', (v) => v.trim() !== ''],
  ['alb.ingress.kubernetes.io/listen-ports', (v) => /https/i.test(v)],
  ['networking.gke.io/managed-certificates', (v) => v.trim() !== ''],
  ['ingress.gcp.kubernetes.io/pre-shared-cert', (v) => v.trim() !== ''],
  ['appgw.ingress.kubernetes.io/appgw-ssl-certificate', (v) => v.trim() !== ''],
];

function tlsByAnnotation(annotations: JsonObject): boolean {
  return TLS_ANNOTATIONS.some(([key, present]) => {
    const value = asString(annotations[key]);
    return value !== undefined && present(value);
  });
}

/** Whether a TLS host entry covers a rule host (exact, or a `*.` wildcard for exactly one more label). */
export function tlsCovers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase();
  const h = host.toLowerCase();
  if (t === h) return true;
  if (!t.startsWith('*.')) return false;
  const suffix = t.slice(1);
  const label = h.slice(0, -suffix.length);
  return h.endsWith(suffix) && label !== '' && !label.includes('.') && label !== '*';
}

/** Ingresses served over plain HTTP (Part A row 49). */
export default defineRule({
  meta: {
    id: 'ingress-without-tls',
    title: 'Ingress without TLS',
    severity: 'medium',
    category: 'network',
    description:
      'An Ingress that routes traffic (it has `spec.rules` or a default backend) has no `spec.tls` entry: one ' +
      'finding on `spec`. When `spec.tls` is present, each rule `host` that no TLS entry lists is reported ' +
      '(exact match, or a `*.example.com` entry covering exactly one more label); a TLS entry without `hosts` ' +
      'covers every host (the controller uses its default certificate). Ingresses whose certificate is attached ' +
      'by a cloud controller annotation are not reported: AWS `alb.ingress.kubernetes.io/certificate-arn` or ' +
      'HTTPS in `alb.ingress.kubernetes.io/listen-ports`, GKE `networking.gke.io/managed-certificates` or ' +
      '`ingress.gcp.kubernetes.io/pre-shared-cert`, Azure `appgw.ingress.kubernetes.io/appgw-ssl-certificate`. ' +
      'Templated hosts are not judged.',
    rationale:
      'Without TLS, passwords, session cookies, API tokens and personal data cross the network in clear text: ' +
      'anyone on the path (shared Wi-Fi, a compromised router, a cloud network tap) can read and modify them, and ' +
      'clients cannot verify they talk to the real service (CWE-319, Cleartext Transmission of Sensitive ' +
      'Information; MITRE ATT&CK T1557, Adversary-in-the-Middle).',
    sources: [
      {
        title: 'Kubernetes: Ingress TLS',
        url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
      },
      POLARIS_SECURITY,
      {
        title: 'CWE-319: Cleartext Transmission of Sensitive Information',
        url: 'https://cwe.mitre.org/data/definitions/319.html',
      },
    ],
    remediation:
      'Add a TLS section covering every host (cert-manager can issue and renew the certificate):\n\n' +
      '```yaml\nmetadata:\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\nspec:\n  tls:\n' +
      '    - hosts: [shop.example.com]\n      secretName: shop-tls\n  rules:\n    - host: shop.example.com\n```',
    tags: ['network', 'exposure', 'tls'],
  },
  match: { kinds: ['Ingress'] },
  check({ resource, report }) {
    const spec = asObject(resource.object.spec) ?? {};
    const rules = asArray(spec.rules);
    if (rules.length === 0 && !isSet(spec.defaultBackend) && !isSet(spec.backend)) return;
    if (tlsByAnnotation(asObject(resource.metadata.annotations) ?? {})) return;
    const name = resource.name ?? '(unnamed)';
    const hosts = rules.map((rule) => asString(asObject(rule)?.host));
    const tls = asArray(spec.tls).map((entry) => asObject(entry) ?? {});
    if (tls.length === 0) {
      const named = hosts.filter((h): h is string => h !== undefined && h !== '');
      const what = named.length > 0 ? `host ${listNames(named)}` : 'every host';
      report({
        message: `Ingress "${name}" serves ${what} over plain HTTP: it has no spec.tls, so credentials and cookies cross the network unencrypted.`,
        path: ['spec', 'tls'],
        key: 'tls',
      });
      return;
    }
    if (tls.some((entry) => asArray(entry.hosts).length === 0)) return;
    const tlsHosts = tls
      .flatMap((entry) => asArray(entry.hosts))
      .filter((h): h is string => typeof h === 'string');
    if (tlsHosts.some(isTemplatedText)) return;
    hosts.forEach((host, index) => {
      if (host === undefined || host === '' || isTemplatedText(host)) return;
      if (tlsHosts.some((tlsHost) => tlsCovers(tlsHost, host))) return;
      report({
        message: `Ingress "${name}" routes host "${host}", which no spec.tls entry covers, so it is served over plain HTTP.`,
        path: ['spec', 'rules', index, 'host'],
        key: host,
      });
    });
  },
});
