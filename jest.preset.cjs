// Shared Jest 30 settings: TypeScript through @swc/jest, ESM-style ".js" import specifiers mapped
// back to the TypeScript sources.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // CI runs every package's suites at once on 2 cores: Jest's 5 s default fails correct tests that are
  // merely slow under that load. Speed is measured by the benchmarks, never by test timeouts.
  testTimeout: 30000,
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  extensionsToTreatAsEsm: [],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/test/**/*.test.ts'],
  transformIgnorePatterns: ['/node_modules/(?!(yaml)/)'],
};
