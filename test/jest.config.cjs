// End-to-end tests spawn the built CLI (packages/cli/bin/shiftdown.mjs) and the committed Action bundle
// (packages/github-action/bundle/index.mjs): build the workspace first.
// msw and its dependencies ship ES modules: @swc/jest compiles them to CommonJS like the tests (the list
// is shared with packages/github-action in jest.esm-packages.cjs).
const { compiling, mswPackages } = require('../jest.esm-packages.cjs');

module.exports = {
  ...require('../jest.preset.cjs'),
  testMatch: [
    '<rootDir>/cli/**/*.test.ts',
    '<rootDir>/docs/**/*.test.ts',
    '<rootDir>/action/**/*.test.ts',
    '<rootDir>/backstage/**/*.test.ts',
  ],
  transformIgnorePatterns: [compiling(['yaml', ...mswPackages])],
};
