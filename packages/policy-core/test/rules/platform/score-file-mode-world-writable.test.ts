import rule, { fileModeBits } from '../../../src/rules/platform/score-file-mode-world-writable.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes modes without the others-write bit, missing modes and unquoted modes',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          files:
            /etc/a:
              mode: "0644"
              content: a
            /etc/b:
              mode: "755"
              content: b
            /etc/c:
              content: c
            /etc/d:
              mode: 0666
              content: d
    `,
    expected: [],
  },
  {
    name: 'reports world-writable modes in the mapping and list forms',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          files:
            /etc/app/config.yaml:
              mode: "0666"
              content: a
            /usr/local/bin/start.sh:
              mode: "777"
              source: ./start.sh
        worker:
          image: nginx:1.27
          files:
            - target: /etc/worker.conf
              mode: "0602"
              content: w
    `,
    expected: [
      {
        line: 9,
        column: 9,
        message:
          'Container "main" mounts file "/etc/app/config.yaml" with mode "0666", writable by every user',
        container: 'main',
      },
      { line: 12, column: 9, message: 'file "/usr/local/bin/start.sh" with mode "777"' },
      {
        line: 18,
        column: 9,
        message: 'Container "worker" mounts file "/etc/worker.conf" with mode "0602"',
        container: 'worker',
      },
    ],
  },
];

describe('score-file-mode-world-writable', () => {
  testRuleCases(rule, cases);

  it('reads octal modes', () => {
    expect(fileModeBits('0644')).toBe(0o644);
    expect(fileModeBits('777')).toBe(0o777);
    expect(fileModeBits('0999')).toBeUndefined();
    expect(fileModeBits(438)).toBeUndefined();
  });
});
