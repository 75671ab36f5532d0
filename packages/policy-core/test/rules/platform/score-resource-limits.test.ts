import memory from '../../../src/rules/platform/score-memory-limit-missing.js';
import cpu from '../../../src/rules/platform/score-cpu-limit-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const limited = yaml`
  apiVersion: score.dev/v1b1
  metadata:
    name: web
  containers:
    main:
      image: nginx:1.27
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
`;

const unlimited = yaml`
  apiVersion: score.dev/v1b1
  metadata:
    name: web
  containers:
    main:
      image: nginx:1.27
      resources:
        requests:
          cpu: 500m
          memory: 256Mi
    worker:
      image: nginx:1.27
    partial:
      image: nginx:1.27
      resources:
        limits:
          cpu: "1"
`;

describe('score-memory-limit-missing', () => {
  const cases: RuleCase[] = [
    { name: 'passes containers with a memory limit', yaml: limited, expected: [] },
    {
      name: 'reports each container without one, at the nearest existing field',
      yaml: unlimited,
      expected: [
        { line: 7, column: 5, message: 'Container "main" has no memory limit', container: 'main' },
        { line: 11, column: 3, container: 'worker' },
        { line: 16, column: 7, container: 'partial' },
      ],
    },
  ];
  testRuleCases(memory, cases);
});

describe('score-cpu-limit-missing', () => {
  const cases: RuleCase[] = [
    { name: 'passes containers with a CPU limit', yaml: limited, expected: [] },
    {
      name: 'reports each container without one',
      yaml: unlimited,
      expected: [
        {
          line: 7,
          column: 5,
          message: 'Container "main" has no CPU limit',
          container: 'main',
          severity: 'low',
        },
        { line: 11, column: 3, container: 'worker' },
      ],
    },
  ];
  testRuleCases(cpu, cases);

  it('is off by default', () => {
    expect(cpu.meta.recommended).toBe(false);
    expect(memory.meta.recommended).toBeUndefined();
  });
});
