import type { EvaluationSettings } from '../rule.js';
import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { isSharedTenancy, tenancyOf } from '../shared/context.js';
import {
  CHECKOV_KUBERNETES,
  KUBE_SCORE_CHECKS,
  POLARIS_RELIABILITY,
  containerImage,
  effectivePullPolicy,
  isMutableReference,
  locationAliases,
  locationPrefixes,
  showImage,
} from './common.js';

/** Registries (or registry/repository prefixes) that serve only public images: nothing private to reuse. */
const PUBLIC_ONLY_LOCATIONS = new Set([
  'docker.io/library',
  'registry.k8s.io',
  'k8s.gcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
]);

/** Kubelets re-check pull credentials for cached images by default from 1.35 (KubeletEnsureSecretPulledImages beta). */
const ENSURE_SECRET_PULLED_MINOR = 35;

function kubeletChecksCachedImages(settings: EvaluationSettings): boolean {
  const version = settings.kubernetesVersion;
  if (!version) return false;
  return version.major > 1 || version.minor >= ENSURE_SECRET_PULLED_MINOR;
}

/** imagePullPolicy that lets nodes run cached images (Part A row 33). */
export default defineRule({
  meta: {
    id: 'image-pull-policy',
    title: 'Image pull policy lets nodes run cached images',
    severity: 'low',
    category: 'supply-chain',
    description:
      'Two triggers, one finding per container. (1) The container sets `imagePullPolicy: IfNotPresent` or ' +
      '`Never` while its image is mutable (no tag, or `latest`, and no digest). Left unset, the API server ' +
      'defaults such images to `Always`, so only an explicit value is reported. (2) The namespace is declared ' +
      '`multi` or `untrusted` tenancy (config `namespaces.<ns>.tenancy` or the `shiftdown.dev/tenancy` label on ' +
      'the Namespace) and the effective policy is not `Always` (written, or the `IfNotPresent` default for tagged ' +
      'and digest-pinned images), unless the target Kubernetes version is 1.35 or later (the kubelet then ' +
      're-checks pull credentials for cached images by default) or the image comes from a registry that serves ' +
      'only public images (Docker Hub official images, registry.k8s.io, k8s.gcr.io, mcr.microsoft.com, ' +
      'public.ecr.aws). Digest-pinned images never trigger (1); they do trigger (2), because a digest is not a ' +
      'credential. Templated images and templated or invalid policies are not judged.',
    rationale:
      '(1) With `IfNotPresent` a node that already holds `app:latest` keeps starting that copy: replicas run ' +
      'different builds, a fix never reaches nodes with a stale cache, and a tampered image planted in a node ' +
      'cache survives redeploys. (2) Without `Always`, the kubelet starts a container from an image already on ' +
      'the node without checking that this pod may pull it. In a shared namespace a tenant can therefore run ' +
      "another tenant's private image (and read the code and secrets baked into it) just by naming it, which is " +
      'why the AlwaysPullImages admission plugin exists for multi-tenant clusters. Kubernetes 1.35 turns on ' +
      'KubeletEnsureSecretPulledImages (beta), which closes the gap at the node.',
    sources: [
      {
        title: 'Kubernetes: Images (image pull policy)',
        url: 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
      },
      {
        title: 'Admission controllers: AlwaysPullImages',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages',
      },
      {
        title: 'KEP-2535: Ensure Secret Pulled Images',
        url: 'https://www.kubernetes.dev/resources/keps/2535/',
      },
      {
        title: 'kubernetes/kubernetes#18787: private images reusable from the node cache',
        url: 'https://github.com/kubernetes/kubernetes/issues/18787',
      },
      KUBE_SCORE_CHECKS,
      POLARIS_RELIABILITY,
      CHECKOV_KUBERNETES,
    ],
    remediation:
      'Pin the image to a version (ideally a digest) so the cache cannot serve a different build, and in shared ' +
      'namespaces pull every time (or enable AlwaysPullImages, or run Kubernetes 1.35+ with ' +
      'KubeletEnsureSecretPulledImages):\n\n' +
      '```yaml\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2@sha256:<digest>\n    imagePullPolicy: Always\n```',
    fixable: true,
    tags: ['supply-chain', 'images', 'multitenancy'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ workload, resource, index, settings, report }) {
    const namespace = resource.namespace;
    const tenancy = tenancyOf(namespace, settings, index);
    const checkShared = isSharedTenancy(tenancy) && !kubeletChecksCachedImages(settings);
    for (const container of workload.containers) {
      const image = containerImage(container);
      if (!image) continue;
      const pull = effectivePullPolicy(container, image.ref);
      if (!pull || pull.policy === 'Always') continue;
      const stale = pull.explicit && isMutableReference(image.ref);
      const publicOnly = locationAliases(image.ref)
        .flatMap(locationPrefixes)
        .some((prefix) => PUBLIC_ONLY_LOCATIONS.has(prefix));
      const shared = checkShared && !publicOnly;
      if (!stale && !shared) continue;
      const policy = pull.explicit
        ? `imagePullPolicy ${pull.policy}`
        : `imagePullPolicy ${pull.policy} (the API server default for this image)`;
      const sharedReason =
        `in ${tenancy} tenancy namespace "${namespace}" the kubelet starts a cached copy without checking this ` +
        "pod's pull credentials, so tenants can run each other's private images";
      const message = stale
        ? `${containerLabel(container)} sets ${policy} for the mutable image ${showImage(image.ref)}: nodes keep ` +
          `running whatever copy they cached first${shared ? `, and ${sharedReason}` : ''}.`
        : `${containerLabel(container)} uses ${policy} for image ${showImage(image.ref)}: ${sharedReason}.`;
      report({
        message,
        path: pull.explicit ? [...container.path, 'imagePullPolicy'] : container.path,
        container,
        ...(pull.explicit && {
          fix: { description: 'Set imagePullPolicy to Always', replacement: 'imagePullPolicy: Always' },
        }),
      });
    }
  },
});
