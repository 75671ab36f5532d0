import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '../src/integrations.js';
import {
  normaliseRepositoryUrl,
  pulledSourceLinker,
  pushedSourceLinker,
} from '../src/scorecard/source-links.js';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [
        { host: 'github.com' },
        { host: 'ghe.example.com', apiBaseUrl: 'https://ghe.example.com/api/v3' },
      ],
      bitbucketServer: [{ host: 'bitbucket.example.com' }],
      gitea: [{ host: 'gitea.example.com' }],
    },
  }),
);
const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('pushedSourceLinker', () => {
  it.each([
    ['https://github.com/acme/payments', `https://github.com/acme/payments/blob/${SHA}/deploy/app.yaml#L12`],
    [
      'https://ghe.example.com/acme/payments',
      `https://ghe.example.com/acme/payments/blob/${SHA}/deploy/app.yaml#L12`,
    ],
    [
      'https://gitlab.com/acme/payments',
      `https://gitlab.com/acme/payments/-/blob/${SHA}/deploy/app.yaml#L12`,
    ],
    [
      'https://bitbucket.org/acme/payments',
      `https://bitbucket.org/acme/payments/src/${SHA}/deploy/app.yaml#lines-12`,
    ],
    [
      'https://bitbucket.example.com/projects/ACME/repos/payments',
      `https://bitbucket.example.com/projects/ACME/repos/payments/browse/deploy/app.yaml?at=${SHA}#12`,
    ],
    [
      'https://gitea.example.com/acme/payments',
      `https://gitea.example.com/acme/payments/src/commit/${SHA}/deploy/app.yaml#L12`,
    ],
    [
      'https://dev.azure.com/acme/shop/_git/payments',
      `https://dev.azure.com/acme/shop/_git/payments?path=/deploy/app.yaml&version=GC${SHA}&line=12&lineEnd=13&lineStartColumn=1&lineEndColumn=1`,
    ],
    ['https://git.example.org/acme/payments', undefined],
  ])('%s at a commit', (repository, expected) => {
    expect(pushedSourceLinker(repository, { commit: SHA }, integrations)('deploy/app.yaml', 12)).toBe(
      expected,
    );
  });

  it('uses the ref when there is no commit, and no link without either', () => {
    expect(
      pushedSourceLinker(
        'https://github.com/acme/payments',
        { ref: 'release/2.0' },
        integrations,
      )('./app.yaml', 3),
    ).toBe('https://github.com/acme/payments/blob/release%2F2.0/app.yaml#L3');
    expect(
      pushedSourceLinker(
        'https://gitea.example.com/acme/payments',
        { ref: 'main' },
        integrations,
      )('app.yaml', 3),
    ).toBe('https://gitea.example.com/acme/payments/src/branch/main/app.yaml#L3');
    expect(
      pushedSourceLinker('https://github.com/acme/payments', {}, integrations)('app.yaml', 3),
    ).toBeUndefined();
  });

  it('links no absolute, parent or odd paths, and encodes the rest', () => {
    const link = pushedSourceLinker('https://github.com/acme/payments', { commit: SHA }, integrations);
    expect(link('/home/runner/work/app.yaml', 1)).toBeUndefined();
    expect(link('../other/app.yaml', 1)).toBeUndefined();
    expect(link('<stdin>', 1)).toBe(`https://github.com/acme/payments/blob/${SHA}/%3Cstdin%3E#L1`);
    expect(link('deploy/my app#1.yaml', 2)).toBe(
      `https://github.com/acme/payments/blob/${SHA}/deploy/my%20app%231.yaml#L2`,
    );
  });
});

describe('pulledSourceLinker', () => {
  it('resolves files into the tree that was read', () => {
    const tree = pulledSourceLinker(
      'https://github.com/acme/payments/tree/main/deploy',
      'tree',
      integrations,
    );
    expect(tree('base/app.yaml', 7)).toBe(
      'https://github.com/acme/payments/tree/main/deploy/base/app.yaml#L7',
    );
    const file = pulledSourceLinker(
      'https://github.com/acme/payments/blob/main/deploy/app.yaml',
      'file',
      integrations,
    );
    // GitHub's resolveUrl links tree/ URLs; GitHub redirects a tree/ URL of a file to its blob/ page.
    expect(file('app.yaml', 7)).toBe('https://github.com/acme/payments/tree/main/deploy/app.yaml#L7');
    const local = pulledSourceLinker('file:///srv/services/payments', 'tree', integrations);
    expect(local('k8s/app.yaml', 4)).toBe('file:///srv/services/payments/k8s/app.yaml#L4');
  });
});

describe('normaliseRepositoryUrl', () => {
  it.each([
    ['https://github.com/acme/payments.git', 'https://github.com/acme/payments'],
    ['https://github.com/acme/payments/', 'https://github.com/acme/payments'],
    ['https://token:x@github.com/acme/payments', 'https://github.com/acme/payments'],
    ['git@github.com:acme/payments.git', undefined],
    ['ftp://example.com/repo', undefined],
    ['not a url', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseRepositoryUrl(input)).toBe(expected);
  });
});
