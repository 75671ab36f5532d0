import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { CHECKOV_KUBERNETES, containerImage, showImage } from './common.js';

/** Images referenced without `@sha256:` (Part A row 32; IDP-003). */
export default defineRule({
  meta: {
    id: 'image-not-pinned-by-digest',
    title: 'Image not pinned by digest',
    severity: 'low',
    category: 'supply-chain',
    description:
      'A container, init container or ephemeral container references its image without a digest ' +
      '(`@sha256:…`), whatever the tag. Untagged and `latest` images are reported here too (and by ' +
      '`image-tag-mutable`). Images holding template placeholders and containers without an image are not judged. ' +
      'One finding per container. Off by default (strict profile): pinning every image needs tooling such as ' +
      'Renovate or a digest-resolving deploy step.',
    rationale:
      'Tags, even version tags, are mutable pointers: a registry account takeover, a mistaken re-push or a ' +
      'compromised build re-points `1.4.2` to different content, and every node that pulls afterwards runs it. ' +
      'A digest is the content hash the runtime verifies, so the manifest names exactly the bytes that were ' +
      'built, scanned and signed (MITRE ATT&CK T1525, Implant Internal Image; T1195.002, Compromise Software ' +
      'Supply Chain).',
    sources: [
      {
        title: 'Kubernetes: Images (image names, tags and digests)',
        url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      },
      CHECKOV_KUBERNETES,
    ],
    remediation:
      'Append the digest of the image CI built (keep the tag for readability); let a bot such as Renovate ' +
      'update both:\n\n' +
      '```yaml\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2@sha256:<digest>\n```',
    recommended: false,
    tags: ['supply-chain', 'image-provenance', 'images'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      const image = containerImage(container);
      if (!image || image.ref.digest !== undefined) continue;
      const by = image.ref.tag ? `by tag "${image.ref.tag}"` : 'without a tag';
      report({
        message: `${containerLabel(container)} uses image ${showImage(image.ref)} ${by} and no digest, so the content it runs can change without a manifest change.`,
        path: image.path,
        container,
      });
    }
  },
});
