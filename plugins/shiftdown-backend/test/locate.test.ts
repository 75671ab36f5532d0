import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '../src/integrations.js';
import { manifestsCandidates, type ManifestsCandidate } from '../src/scan/locate.js';

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default', annotations },
});
const locate = (annotations: Record<string, string>, defaultManifestsPath = 'deploy/') =>
  manifestsCandidates(entity(annotations), { integrations, defaultManifestsPath }).map(
    (candidate: ManifestsCandidate) => ({
      url: candidate.url,
      kind: candidate.kind,
      implicit: candidate.implicit,
      ...(candidate.labelFilter && { labels: candidate.labelFilter.description }),
    }),
  );

const GITHUB_SOURCE = { 'backstage.io/source-location': 'url:https://github.com/acme/payments/tree/main/' };
const URL_MANAGED = {
  'backstage.io/managed-by-location': 'url:https://github.com/acme/payments/blob/main/catalog-info.yaml',
};
const FILE_MANAGED = { 'backstage.io/managed-by-location': 'file:/srv/catalog/payments/catalog-info.yaml' };

describe('manifestsCandidates', () => {
  it('resolves shiftdown.dev/manifests against the source location', () => {
    expect(locate({ ...GITHUB_SOURCE, 'shiftdown.dev/manifests': 'k8s/prod' })).toEqual([
      { url: 'https://github.com/acme/payments/tree/main/k8s/prod', kind: 'tree', implicit: false },
    ]);
    expect(locate({ ...GITHUB_SOURCE, 'shiftdown.dev/manifests': './k8s/deployment.yaml' })).toEqual([
      {
        url: 'https://github.com/acme/payments/tree/main/k8s/deployment.yaml',
        kind: 'file',
        implicit: false,
      },
    ]);
    // A leading slash is the repository root, as everywhere in Backstage.
    expect(
      locate({
        'backstage.io/source-location': 'url:https://github.com/acme/mono/tree/main/services/payments/',
        'shiftdown.dev/manifests': '/deploy/payments',
      }),
    ).toEqual([
      { url: 'https://github.com/acme/mono/tree/main/deploy/payments', kind: 'tree', implicit: false },
    ]);
    // Without a source location, the catalog file's location is the base.
    // (GitHub's resolveUrl turns blob/ into tree/, as for every Backstage link.)
    expect(locate({ ...URL_MANAGED, 'shiftdown.dev/manifests': 'deploy/' })).toEqual([
      { url: 'https://github.com/acme/payments/tree/main/deploy/', kind: 'tree', implicit: false },
    ]);
  });

  it('takes absolute URLs and url:/file: location refs as given', () => {
    expect(
      locate({ 'shiftdown.dev/manifests': 'https://gitlab.com/acme/infra/-/tree/main/payments' }),
    ).toEqual([{ url: 'https://gitlab.com/acme/infra/-/tree/main/payments', kind: 'tree', implicit: false }]);
    expect(
      locate({ 'shiftdown.dev/manifests': 'url:https://gitlab.com/acme/infra/-/blob/main/payments.yaml' }),
    ).toEqual([
      { url: 'https://gitlab.com/acme/infra/-/blob/main/payments.yaml', kind: 'file', implicit: false },
    ]);
    expect(locate({ ...FILE_MANAGED, 'shiftdown.dev/manifests': 'file:/srv/manifests/payments' })).toEqual([
      { url: 'file:///srv/manifests/payments', kind: 'tree', implicit: false },
    ]);
    expect(locate({ ...FILE_MANAGED, 'shiftdown.dev/manifests': '../../manifests/payments' })).toEqual([
      { url: 'file:///srv/manifests/payments', kind: 'tree', implicit: false },
    ]);
    expect(locate({ ...FILE_MANAGED, 'shiftdown.dev/manifests': 'file:./k8s' })).toEqual([
      { url: 'file:///srv/catalog/payments/k8s', kind: 'tree', implicit: false },
    ]);
  });

  it('falls back to the default path, then to the Kubernetes annotations', () => {
    expect(locate(GITHUB_SOURCE)).toEqual([
      { url: 'https://github.com/acme/payments/tree/main/deploy/', kind: 'tree', implicit: true },
    ]);
    expect(locate(GITHUB_SOURCE, 'ops/k8s.yaml')).toEqual([
      { url: 'https://github.com/acme/payments/tree/main/ops/k8s.yaml', kind: 'file', implicit: true },
    ]);
    expect(locate({ ...GITHUB_SOURCE, 'backstage.io/kubernetes-id': 'payments' })).toEqual([
      { url: 'https://github.com/acme/payments/tree/main/deploy/', kind: 'tree', implicit: true },
      {
        url: 'https://github.com/acme/payments/tree/main/',
        kind: 'tree',
        implicit: true,
        labels: 'backstage.io/kubernetes-id=payments or app.kubernetes.io/name=payments',
      },
    ]);
    // The Kubernetes annotations alone use the catalog file's location; the label selector wins over the id.
    expect(
      locate({
        ...FILE_MANAGED,
        'backstage.io/kubernetes-id': 'payments',
        'backstage.io/kubernetes-label-selector': 'app=payments',
      }),
    ).toEqual([
      { url: 'file:///srv/catalog/payments/deploy', kind: 'tree', implicit: true },
      { url: 'file:///srv/catalog/payments', kind: 'tree', implicit: true, labels: 'app=payments' },
    ]);
    // Only a catalog-file location: nothing to look at.
    expect(locate(URL_MANAGED)).toEqual([]);
    expect(locate({})).toEqual([]);
  });

  it.each([
    [
      { ...GITHUB_SOURCE, 'shiftdown.dev/manifests': 'file:/etc' },
      'component:default/payments: local manifests (file:///etc) are read only for entities registered from a file: location',
    ],
    [
      {
        ...URL_MANAGED,
        'backstage.io/source-location': 'url:https://github.com/acme/payments/tree/main/',
        'shiftdown.dev/manifests': '../../../../etc',
      },
      undefined,
    ],
    [
      { 'shiftdown.dev/manifests': 'deploy/' },
      'component:default/payments: shiftdown.dev/manifests "deploy/" is relative, but the entity has no source location to resolve it against',
    ],
    [
      { 'shiftdown.dev/manifests': 's3://bucket/manifests' },
      'component:default/payments: shiftdown.dev/manifests "s3://bucket/manifests" is not a path, an http(s) URL, url: or file: location',
    ],
    [
      { ...GITHUB_SOURCE, 'backstage.io/kubernetes-label-selector': 'app in ()' },
      'component:default/payments: backstage.io/kubernetes-label-selector: invalid label selector "app in ()": empty value in "app in ()"',
    ],
  ])('refuses unusable annotations: %j', (annotations, message) => {
    if (message === undefined) {
      // A relative path climbing out of a remote repository stays a URL on that host (the URL reader decides).
      expect(locate(annotations)[0]!.url).toBe('https://github.com/etc');
    } else {
      expect(() => locate(annotations)).toThrow(message);
    }
  });
});
