import { MAX_MATURITY_LEVEL } from '@shiftdown/backstage-plugin-shiftdown-common';
import { MATURITY_LEVELS } from '@shiftdown/policy-core';

describe('the REST contract (shiftdown-common) and the policy core', () => {
  it('agree on the highest maturity level a scorecard can have', () => {
    expect(MAX_MATURITY_LEVEL).toBe(MATURITY_LEVELS[MATURITY_LEVELS.length - 1]!.level);
    expect(MAX_MATURITY_LEVEL).toBe(5);
  });
});
