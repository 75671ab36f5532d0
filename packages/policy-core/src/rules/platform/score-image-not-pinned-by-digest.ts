import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { showImage } from '../supply-chain/common.js';
import { SCORE_MATCH, SCORE_SPEC_REFERENCE, SCORE_TAGS, scoreContainers, scoreImage } from './common.js';

/** Score images without `@sha256:` (IDP-003), as `image-not-pinned-by-digest` for Kubernetes workloads. */
export default defineRule({
  meta: {
    id: 'score-image-not-pinned-by-digest',
    title: 'Score image not pinned by digest',
    severity: 'low',
    category: 'supply-chain',
    description:
      'A Score container references its `image` without a digest (`@sha256:…`), whatever the tag (untagged and ' +
      '`latest` images are also reported by `score-image-tag-mutable`). `image: "."` (supplied at generate time) and ' +
      'images holding placeholders are not judged. One finding per container. Off by default (strict profile), ' +
      'like `image-not-pinned-by-digest`: pinning every image needs tooling such as Renovate or a digest-resolving ' +
      'build step.',
    rationale:
      'Tags, even version tags, are mutable pointers: a registry account takeover, a mistaken re-push or a ' +
      'compromised build re-points `1.4.2` to different content. A digest is the content hash the runtime verifies, ' +
      'so the Score file names exactly the bytes that were built, scanned and signed (MITRE ATT&CK T1525, Implant ' +
      'Internal Image; T1195.002, Compromise Software Supply Chain).',
    sources: [
      SCORE_SPEC_REFERENCE,
      {
        title: 'Kubernetes: Images (image names, tags and digests)',
        url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      },
    ],
    remediation:
      'Append the digest of the image CI built (keep the tag for readability):\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2@sha256:<digest>\n```',
    recommended: false,
    tags: [...SCORE_TAGS, 'supply-chain', 'image-provenance', 'images'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const container of scoreContainers(resource)) {
      const image = scoreImage(container);
      if (!image || image.ref.digest !== undefined) continue;
      const by = image.ref.tag ? `by tag "${image.ref.tag}"` : 'without a tag';
      report({
        message: `${containerLabel(container.view)} uses image ${showImage(image.ref)} ${by} and no digest, so the content it runs can change without a change to the Score file.`,
        path: image.path,
        container: container.view,
      });
    }
  },
});
