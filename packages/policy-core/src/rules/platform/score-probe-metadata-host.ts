import { asObject, asString } from '../../model/values.js';
import { isTemplatedText } from '../../model/image.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import type { MetadataEndpoint } from '../network/common.js';
import { cidrContains, parseCidr, parseIp, unmapIpv4 } from '../network/cidr.js';
import { SCORE_MATCH, SCORE_SCHEMA, SCORE_TAGS, scoreContainers } from './common.js';

/**
 * How this rule's messages name each metadata endpoint of the shared table (network/common.ts): a probe host
 * is one exact name, so the wording differs slightly from the network rules'. Keyed by the table, so a new
 * endpoint there cannot be forgotten here.
 */
const PROBE_WHAT: Readonly<Record<MetadataEndpoint['name'], string>> = {
  '169.254.169.254': 'the cloud instance metadata service (AWS, Azure, GCP and others)',
  'fd00:ec2::254': 'the EC2 IPv6 instance metadata service',
  'metadata.google.internal': 'the Google Cloud metadata server',
  '100.100.100.200': 'the Alibaba Cloud metadata service',
};

const IPV4_LINK_LOCAL = parseCidr('169.254.0.0/16')!;
const IPV6_LINK_LOCAL = parseCidr('fe80::/10')!;

/** The endpoints of the table that are addresses, parsed. */
const ENDPOINT_ADDRESSES = (Object.keys(PROBE_WHAT) as MetadataEndpoint['name'][]).flatMap((name) => {
  const ip = parseIp(name);
  return ip ? [{ name, ip }] : [];
});

/** What a probe host names, when it is a metadata service or a link-local address; undefined otherwise. */
export function metadataHost(host: string): string | undefined {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (Object.hasOwn(PROBE_WHAT, h)) return PROBE_WHAT[h as MetadataEndpoint['name']];
  // Addresses by value, so that every spelling counts: `fd00:ec2:0::254`, `FE80:0:0::1%eth0`, and IPv4 written
  // as an IPv4-mapped IPv6 address (`::ffff:169.254.169.254`).
  const parsed = parseIp(h);
  if (!parsed) return undefined;
  const ip = unmapIpv4(parsed);
  const endpoint = ENDPOINT_ADDRESSES.find((e) => e.ip.family === ip.family && e.ip.value === ip.value);
  if (endpoint) return PROBE_WHAT[endpoint.name];
  if (cidrContains(IPV4_LINK_LOCAL, ip)) {
    return 'a link-local address (169.254.0.0/16), where node-local agents and metadata services listen';
  }
  if (cidrContains(IPV6_LINK_LOCAL, ip)) return 'an IPv6 link-local address (fe80::/10)';
  return undefined;
}

const PROBES = ['livenessProbe', 'readinessProbe'] as const;

/** Score HTTP probes aimed at a metadata or link-local address (IDP-004). */
export default defineRule({
  meta: {
    id: 'score-probe-metadata-host',
    title: 'Score probe targets a metadata or link-local address',
    severity: 'high',
    category: 'network',
    description:
      'A Score container has a `livenessProbe` or `readinessProbe` whose `httpGet.host` is a cloud metadata ' +
      'endpoint (169.254.169.254, fd00:ec2::254, metadata.google.internal, 100.100.100.200) or any other ' +
      'link-local address (169.254.0.0/16, fe80::/10). Probes without `host` (the workload IP), other hosts and ' +
      'hosts holding placeholders are not reported. One finding per probe.',
    rationale:
      'score-k8s copies `host` into the Kubernetes `httpGet.host` of the generated probe, and Kubernetes HTTP probes ' +
      'are sent by the kubelet from the node, not from the pod. A probe aimed at 169.254.169.254 therefore makes ' +
      "the node query its own instance metadata service, the service that hands out the node's cloud credentials, " +
      'outside the NetworkPolicies and IMDS hop limits that keep pods away from it: a server-side request forgery ' +
      'any author of a Score file can trigger (MITRE ATT&CK T1552.005, Cloud Instance Metadata API). No legitimate ' +
      'health check needs a metadata or link-local host.',
    sources: [
      SCORE_SCHEMA,
      {
        title: 'Kubernetes: Configure Liveness, Readiness and Startup Probes (HTTP probes, host)',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes',
      },
      {
        title: 'MITRE ATT&CK T1552.005: Cloud Instance Metadata API',
        url: 'https://attack.mitre.org/techniques/T1552/005/',
      },
    ],
    remediation:
      'Remove `host` so the probe targets the workload itself (set a `Host` header if the application needs a ' +
      'virtual host name):\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2\n    livenessProbe:\n      httpGet:\n' +
      '        path: /healthz\n        port: 8080\n        httpHeaders:\n          - name: Host\n            value: web.example.com\n```',
    tags: [...SCORE_TAGS, 'imds', 'probes'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const container of scoreContainers(resource)) {
      for (const probe of PROBES) {
        const host = asString(asObject(asObject(container.spec[probe])?.httpGet)?.host);
        if (host === undefined || isTemplatedText(host)) continue;
        const what = metadataHost(host);
        if (!what) continue;
        report({
          message:
            `${containerLabel(container.view)} sends its ${probe} to host "${host.trim()}", ${what}: the kubelet ` +
            'makes this request from the node, outside the controls that keep pods away from it.',
          path: [...container.path, probe, 'httpGet', 'host'],
          container: container.view,
          key: probe,
        });
      }
    }
  },
});
