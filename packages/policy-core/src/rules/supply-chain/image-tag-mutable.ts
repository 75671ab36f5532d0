import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import {
  CHECKOV_KUBERNETES,
  KUBE_SCORE_CHECKS,
  POLARIS_RELIABILITY,
  containerImage,
  isMutableReference,
  showImage,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** Images without a tag or with `:latest` (Part A row 31; IDP-003). */
export default defineRule({
  meta: {
    id: 'image-tag-mutable',
    title: 'Image without a tag or with the latest tag',
    severity: 'medium',
    category: 'supply-chain',
    description:
      'A container, init container or ephemeral container references its image without a tag and without a ' +
      'digest (`nginx`, which the runtime reads as `nginx:latest`), or with the tag `latest` and no digest. An ' +
      'image pinned by digest (`nginx:latest@sha256:…`) passes: the digest decides what runs. Images holding ' +
      'template placeholders (`${…}`, `{{…}}`) and containers without an image are not judged. One finding per ' +
      'container.',
    rationale:
      '`latest` is whatever was pushed last: two nodes can run different code for the same Deployment, a ' +
      'rollback re-deploys the new image, and nobody can tell from the manifest which build is running. Whoever ' +
      'can push the tag (a compromised CI token, a hijacked upstream account) changes what the cluster runs on ' +
      'the next pull or reschedule, without any change to reviewed manifests (MITRE ATT&CK T1525, Implant ' +
      'Internal Image; T1195.002, Compromise Software Supply Chain).',
    sources: [
      {
        title: 'Kubernetes: Images (image names, tags and digests)',
        url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      },
      KUBE_SCORE_CHECKS,
      POLARIS_RELIABILITY,
      KUBE_LINTER_CHECKS,
      CHECKOV_KUBERNETES,
    ],
    remediation:
      'Reference a specific, immutable version: a release tag, or better the digest that CI built and scanned ' +
      '(the tag then documents it for humans):\n\n' +
      '```yaml\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2@sha256:<digest>\n```',
    tags: ['supply-chain', 'image-provenance', 'images'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      const image = containerImage(container);
      if (!image || !isMutableReference(image.ref)) continue;
      const what =
        image.ref.tag === 'latest'
          ? `image ${showImage(image.ref)} by the moving tag "latest"`
          : `image ${showImage(image.ref)} without a tag or digest, which means "latest"`;
      report({
        message: `${containerLabel(container)} uses ${what}: each node runs whatever that tag pointed to when it pulled.`,
        path: image.path,
        container,
      });
    }
  },
});
