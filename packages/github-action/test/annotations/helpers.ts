import type { Finding } from '@shiftdown/policy-core';

/** A finding with defaults; `over` wins. */
export const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'privileged',
  severity: 'high',
  category: 'isolation',
  message: 'Container runs privileged',
  file: 'deploy/app.yaml',
  line: 10,
  column: 7,
  endLine: 10,
  endColumn: 23,
  resource: { kind: 'Deployment', name: 'app' },
  fingerprint: 'fp-1',
  ...over,
});
