import {
  fileMatches,
  kubernetesIdFilter,
  labelMatcher,
  objectMatches,
  parseLabelSelector,
} from '../src/scan/label-filter.js';

describe('parseLabelSelector', () => {
  const labels = { app: 'payments', tier: 'backend', 'app.kubernetes.io/part-of': 'shop' };

  it.each([
    ['app=payments', true],
    ['app==payments', true],
    ['app = payments', true],
    ['app!=payments', false],
    ['app=billing', false],
    ['app=payments,tier=backend', true],
    ['app=payments,tier=frontend', false],
    ['app in (payments, billing)', true],
    ['app notin (payments)', false],
    ['missing notin (x)', true],
    ['app.kubernetes.io/part-of', true],
    ['!app.kubernetes.io/part-of', false],
    ['!missing', true],
    ['tier in (backend),app.kubernetes.io/part-of=shop', true],
  ])('%s → %s', (selector, expected) => {
    expect(labelMatcher(parseLabelSelector(selector).spec)(labels)).toBe(expected);
  });

  it.each([
    ['', 'invalid label selector: it is empty'],
    ['app=payments,', 'invalid label selector "app=payments,": an empty requirement'],
    ['app in ()', 'invalid label selector "app in ()": empty value in "app in ()"'],
    ['app ~ payments', 'invalid label selector "app ~ payments": cannot read "app ~ payments"'],
  ])('refuses %j', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});

describe('objectMatches and fileMatches', () => {
  const matches = labelMatcher(kubernetesIdFilter('payments').spec);

  it('matches an object on its own labels or on its pod template labels', () => {
    expect(
      objectMatches({ metadata: { labels: { 'backstage.io/kubernetes-id': 'payments' } } }, matches),
    ).toBe(true);
    expect(objectMatches({ metadata: { labels: { 'app.kubernetes.io/name': 'payments' } } }, matches)).toBe(
      true,
    );
    expect(
      objectMatches(
        { spec: { template: { metadata: { labels: { 'backstage.io/kubernetes-id': 'payments' } } } } },
        matches,
      ),
    ).toBe(true);
    expect(
      objectMatches(
        {
          spec: {
            jobTemplate: {
              spec: { template: { metadata: { labels: { 'app.kubernetes.io/name': 'payments' } } } },
            },
          },
        },
        matches,
      ),
    ).toBe(true);
    expect(
      objectMatches({ metadata: { labels: { 'backstage.io/kubernetes-id': 'billing' } } }, matches),
    ).toBe(false);
    expect(objectMatches({ metadata: {} }, matches)).toBe(false);
  });

  it('matches a file when any object, List items included, matches', () => {
    const other =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: { app.kubernetes.io/name: billing }\n';
    const mine =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  labels: { backstage.io/kubernetes-id: payments }\n';
    expect(fileMatches({ path: 'a.yaml', text: other }, matches)).toBe(false);
    expect(fileMatches({ path: 'a.yaml', text: `${other}---\n${mine}` }, matches)).toBe(true);
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'b', labels: { 'backstage.io/kubernetes-id': 'payments' } },
        },
      ],
    });
    expect(fileMatches({ path: 'list.json', text: list }, matches)).toBe(true);
    expect(fileMatches({ path: 'bad.yaml', text: 'a: [' }, matches)).toBe(false);
  });
});
