import picomatch from 'picomatch';
import { imageLocation } from '../../model/image.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import {
  IMAGES_SOURCE,
  containerImage,
  listNames,
  locationAliases,
  locationPrefixes,
  showImage,
} from './common.js';

type Matcher = (location: string) => boolean;

const matcherCache = new WeakMap<readonly string[], Matcher>();

/**
 * A matcher for the configured globs. A glob matches a location when it matches the location itself or
 * any of its `/`-separated prefixes, so `ghcr.io` and `ghcr.io/acme/*` both cover `ghcr.io/acme/team/app`.
 * Matching ignores case (registry hosts are case-insensitive). An invalid glob matches only itself.
 */
export function trustedMatcher(patterns: readonly string[]): Matcher {
  const cached = matcherCache.get(patterns);
  if (cached) return cached;
  const globs = patterns
    .map((p) => p.trim().replace(/\/+$/, ''))
    .filter((p) => p !== '')
    .map((pattern): Matcher => {
      try {
        return picomatch(pattern, { nocase: true, dot: true });
      } catch {
        return (value) => value.toLowerCase() === pattern.toLowerCase();
      }
    });
  const matcher: Matcher = (location) =>
    locationPrefixes(location).some((prefix) => globs.some((glob) => glob(prefix)));
  matcherCache.set(patterns, matcher);
  return matcher;
}

/** Images from registries outside `trustedRegistries` (Part A row 34). */
export default defineRule({
  meta: {
    id: 'untrusted-registry',
    title: 'Image from an untrusted registry',
    severity: 'high',
    category: 'supply-chain',
    description:
      'Runs only when the config lists `trustedRegistries`. A container, init container or ephemeral container ' +
      'uses an image whose `registry/repository` (Docker Hub images normalised to `docker.io/library/nginx` and ' +
      'also tried as `docker.io/nginx`) matches none of the globs. A glob (picomatch, case-insensitive) matches ' +
      'the location or any `/`-separated prefix of it: `ghcr.io` trusts the whole registry, `ghcr.io/acme/*` ' +
      'every repository under `ghcr.io/acme/`, `*.dkr.ecr.*.amazonaws.com` every ECR registry. Tags and digests ' +
      'are ignored. Templated images are not judged. An empty list is treated like no list.',
    rationale:
      'Images from arbitrary registries bypass the controls an organisation puts on its own: vulnerability ' +
      'scanning, signing and provenance checks, licence review and availability (a public registry can rate-limit, ' +
      'delete or re-point images). Typosquatted and backdoored public images are a common way in for ' +
      'cryptominers and credential stealers (MITRE ATT&CK T1195.002, Compromise Software Supply Chain; T1204.003, ' +
      'Malicious Image).',
    sources: [
      IMAGES_SOURCE,
      {
        title: 'Kubernetes: Validating Admission Policy (to enforce the same allow-list at admission)',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/',
      },
      {
        title: 'MITRE ATT&CK T1204.003: Malicious Image',
        url: 'https://attack.mitre.org/techniques/T1204/003/',
      },
    ],
    remediation:
      'Mirror the image into a trusted registry (after scanning and signing it) and reference the mirror, or ' +
      'add the registry to `trustedRegistries` if it is one you control:\n\n' +
      '```yaml\n# .shiftdown.yaml\ntrustedRegistries:\n  - ghcr.io/acme/*\n  - "*.dkr.ecr.*.amazonaws.com"\n```',
    tags: ['supply-chain', 'image-provenance', 'images'],
  },
  match: { workloads: true },
  appliesTo: (settings) => (settings.trustedRegistries?.length ?? 0) > 0,
  check({ workload, settings, report }) {
    const patterns = settings.trustedRegistries ?? [];
    if (patterns.length === 0) return;
    const trusted = trustedMatcher(patterns);
    for (const container of workload.containers) {
      const image = containerImage(container);
      if (!image) continue;
      if (locationAliases(image.ref).some(trusted)) continue;
      report({
        message:
          `${containerLabel(container)} uses image ${showImage(image.ref)} from "${imageLocation(image.ref)}", ` +
          `which matches none of the trusted registries (${listNames(patterns)}).`,
        path: image.path,
        container,
      });
    }
  },
});
