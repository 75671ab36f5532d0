import rule from '../../../src/rules/supply-chain/untrusted-registry.js';
import { runRules, testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const TRUSTED = { trustedRegistries: ['ghcr.io/acme/*', '*.dkr.ecr.*.amazonaws.com', 'docker.io/library/*'] };

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: mixed
  spec:
    initContainers:
      - name: init
        image: busybox:1.36
    containers:
      - name: ours
        image: ghcr.io/acme/team/app:1.0
      - name: ecr
        image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.0
      - name: theirs
        image: ghcr.io/evil/app:1.0
      - name: hub
        image: bitnami/redis:7.2
    ephemeralContainers:
      - name: debug
        image: quay.io/acme/debug:1
`;

const cases: RuleCase[] = [
  {
    name: 'reports images outside the trusted globs, across all container lists',
    settings: TRUSTED,
    yaml: POD,
    expected: [
      {
        line: 15,
        column: 7,
        container: 'theirs',
        message:
          'Container "theirs" uses image "ghcr.io/evil/app:1.0" from "ghcr.io/evil/app", which matches none',
      },
      { line: 17, container: 'hub', message: 'from "docker.io/bitnami/redis"' },
      { line: 20, container: 'debug', message: 'Ephemeral container "debug"' },
    ],
  },
  {
    name: 'a bare registry trusts every repository in it; matching ignores case and trailing slashes',
    settings: { trustedRegistries: ['GHCR.io/', 'quay.io', 'docker.io'] },
    yaml: POD,
    expected: [{ line: 13, container: 'ecr', message: '"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api"' }],
  },
  {
    name: 'Docker Hub official images match both docker.io/library/x and docker.io/x',
    settings: { trustedRegistries: ['docker.io/nginx', 'docker.io/library/redis'] },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: hub
      spec:
        containers:
          - name: nginx
            image: nginx:1.27
          - name: redis
            image: index.docker.io/redis:7
          - name: other
            image: docker.io/library/postgres:16
    `,
    expected: [{ line: 12, container: 'other', message: 'from "docker.io/library/postgres"' }],
  },
  {
    name: 'never judges templated images',
    settings: TRUSTED,
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: t
      spec:
        containers:
          - name: app
            image: "\${REGISTRY}/app:1.0"
    `,
    expected: [],
  },
  {
    name: 'lists the trusted globs in the message (at most three)',
    settings: { trustedRegistries: ['a.io', 'b.io', 'c.io', 'd.io'] },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: t
      spec:
        containers:
          - name: app
            image: e.io/app:1
    `,
    expected: [{ line: 8, message: '("a.io", "b.io", "c.io" and 1 more)' }],
  },
];

describe('untrusted-registry', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);

  it('does not apply without trustedRegistries (or with an empty list)', () => {
    expect(rule.appliesTo?.({ pssVersion: { major: 1, minor: 35 } })).toBe(false);
    expect(rule.appliesTo?.({ pssVersion: { major: 1, minor: 35 }, trustedRegistries: [] })).toBe(false);
    expect(rule.appliesTo?.({ pssVersion: { major: 1, minor: 35 }, trustedRegistries: ['ghcr.io'] })).toBe(
      true,
    );
    expect(runRules([rule], POD).findings).toEqual([]);
  });
});
