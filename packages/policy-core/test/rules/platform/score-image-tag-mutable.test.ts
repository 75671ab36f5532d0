import rule from '../../../src/rules/platform/score-image-tag-mutable.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes version tags, digests, "." (quoted or not) and placeholders',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        a:
          image: ghcr.io/acme/web:1.4.2
        b:
          image: nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000
        c:
          image: .
        d:
          image: "."
        e:
          image: \${metadata.image}
    `,
    expected: [],
  },
  {
    name: 'reports untagged and latest images, one finding per container',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx
        cache:
          image: registry.example.com:5000/team/redis:latest
    `,
    expected: [
      {
        line: 6,
        column: 5,
        message: 'Container "main" uses image "nginx" without a tag or digest',
        container: 'main',
      },
      {
        line: 8,
        column: 5,
        message: 'image "registry.example.com:5000/team/redis:latest" by the moving tag "latest"',
        container: 'cache',
      },
    ],
  },
  {
    name: 'is not run on Kubernetes workloads (image-tag-mutable covers them)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: app
            image: nginx
    `,
    expected: [],
  },
];

describe('score-image-tag-mutable', () => {
  testRuleCases(rule, cases);
});
