import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { isMutableReference, showImage } from '../supply-chain/common.js';
import { SCORE_MATCH, SCORE_SPEC_REFERENCE, SCORE_TAGS, scoreContainers, scoreImage } from './common.js';

/** Score images without a tag or with `:latest` (IDP-003), as `image-tag-mutable` for Kubernetes workloads. */
export default defineRule({
  meta: {
    id: 'score-image-tag-mutable',
    title: 'Score image without a tag or with the latest tag',
    severity: 'medium',
    category: 'supply-chain',
    description:
      'A Score container references its `image` without a tag and without a digest (`nginx`, which the runtime ' +
      'reads as `nginx:latest`), or with the tag `latest` and no digest. `image: "."` passes: it means the image is ' +
      'built locally and supplied at generate time (`score-k8s generate --image …`). Images pinned by digest and ' +
      'images holding placeholders (`${…}`) are not reported. One finding per container. The same check for ' +
      'Kubernetes workloads is `image-tag-mutable`.',
    rationale:
      '`latest` is whatever was pushed last: two environments generated from the same Score file run different ' +
      'code, a rollback re-deploys the new image, and nobody can tell from the file which build runs. Whoever can ' +
      'push the tag changes what runs on the next pull without any reviewed change (MITRE ATT&CK T1525, Implant ' +
      'Internal Image; T1195.002, Compromise Software Supply Chain).',
    sources: [
      SCORE_SPEC_REFERENCE,
      {
        title: 'Kubernetes: Images (image names, tags and digests)',
        url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      },
    ],
    remediation:
      'Reference a release tag, better with the digest CI built, or use `"."` and pass the built image to the ' +
      'Score implementation:\n\n```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2@sha256:<digest>\n```',
    tags: [...SCORE_TAGS, 'supply-chain', 'image-provenance', 'images'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const container of scoreContainers(resource)) {
      const image = scoreImage(container);
      if (!image || !isMutableReference(image.ref)) continue;
      const what =
        image.ref.tag === 'latest'
          ? `image ${showImage(image.ref)} by the moving tag "latest"`
          : `image ${showImage(image.ref)} without a tag or digest, which means "latest"`;
      report({
        message: `${containerLabel(container.view)} uses ${what}: each deployment runs whatever that tag pointed to when it was pulled.`,
        path: image.path,
        container: container.view,
      });
    }
  },
});
