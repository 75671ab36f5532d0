// End-to-end tests spawn the built CLI (packages/cli/bin/shiftdown.mjs) and the committed Action bundle
// (packages/github-action/bundle/index.mjs): build the workspace first.
// msw and its dependencies ship ES modules: @swc/jest compiles them to CommonJS like the tests
// (the same list as packages/github-action/jest.config.cjs).
const esmPackages = [
  'yaml',
  'msw',
  '@msw',
  '@mswjs',
  '@open-draft',
  'rettime',
  'until-async',
  'headers-polyfill',
  'outvariant',
  'is-node-process',
  'cookie',
  'tough-cookie',
  'tldts',
  'tldts-core',
  'type-fest',
  'json-with-bigint',
];

module.exports = {
  ...require('../jest.preset.cjs'),
  testMatch: ['<rootDir>/cli/**/*.test.ts', '<rootDir>/docs/**/*.test.ts', '<rootDir>/action/**/*.test.ts', '<rootDir>/backstage/**/*.test.ts'],
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  testTimeout: 30000,
};
