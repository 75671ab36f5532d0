import rule from '../../../src/rules/platform/score-image-not-pinned-by-digest.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes digests, "." and placeholders',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        a:
          image: ghcr.io/acme/web:1.4.2@sha256:0000000000000000000000000000000000000000000000000000000000000000
        b:
          image: .
        c:
          image: ghcr.io/acme/\${metadata.name}:1.0
    `,
    expected: [],
  },
  {
    name: 'reports every image without a digest, tagged or not',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: ghcr.io/acme/web:1.4.2
        sidecar:
          image: envoyproxy/envoy
    `,
    expected: [
      {
        line: 6,
        column: 5,
        message: 'Container "main" uses image "ghcr.io/acme/web:1.4.2" by tag "1.4.2" and no digest',
        container: 'main',
      },
      {
        line: 8,
        column: 5,
        message: 'image "envoyproxy/envoy" without a tag and no digest',
        container: 'sidecar',
      },
    ],
  },
];

describe('score-image-not-pinned-by-digest', () => {
  testRuleCases(rule, cases);

  it('is off by default', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
