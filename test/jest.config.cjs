// End-to-end tests spawn the built CLI (packages/cli/bin/shiftdown.mjs): build the workspace first.
module.exports = {
  ...require('../jest.preset.cjs'),
  testMatch: ['<rootDir>/cli/**/*.test.ts', '<rootDir>/docs/**/*.test.ts'],
  testTimeout: 30000,
};
