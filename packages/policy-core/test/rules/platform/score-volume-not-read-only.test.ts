import rule from '../../../src/rules/platform/score-volume-not-read-only.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes read-only volumes',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          volumes:
            /data:
              source: \${resources.data}
              readOnly: true
    `,
    expected: [],
  },
  {
    name: 'reports volumes without readOnly: true, in the mapping and list forms',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          volumes:
            /data:
              source: \${resources.data}
            /cache:
              source: \${resources.cache}
              readOnly: false
        worker:
          image: nginx:1.27
          volumes:
            - source: \${resources.shared}
              target: /shared
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message: 'Container "main" mounts volume "/data" read-write (it does not set readOnly: true)',
        container: 'main',
      },
      { line: 12, column: 9, message: 'volume "/cache" read-write (it sets readOnly: false)' },
      {
        line: 16,
        column: 9,
        message: 'Container "worker" mounts volume "/shared" read-write',
        container: 'worker',
      },
    ],
  },
];

describe('score-volume-not-read-only', () => {
  testRuleCases(rule, cases);

  it('is off by default', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
