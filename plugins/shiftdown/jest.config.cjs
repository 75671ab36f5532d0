// Backstage web packages are ESM-only: reuse Backstage's own Jest configuration (SWC transforms for
// node_modules, the jsdom 27 environment, CSS/asset stubs) without the Backstage CLI, and point it at
// test/ instead of src/. Relative `.js` specifiers (ESM style) are mapped back to the TypeScript sources.
const backstageConfig = require('@backstage/cli-module-test-jest/config/jest.js');

module.exports = async () => {
  const config = await backstageConfig;
  return {
    ...config,
    rootDir: __dirname,
    roots: ['<rootDir>/src', '<rootDir>/test'],
    testMatch: ['<rootDir>/test/**/*.test.{ts,tsx}'],
    moduleNameMapper: { ...config.moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' },
    setupFilesAfterEnv: [
      // Tests never reach the network: any real fetch/XMLHttpRequest/http request fails the test.
      require.resolve('@backstage/cli-module-test-jest/config/jestRejectNetworkRequests.js'),
      '<rootDir>/test/setupTests.ts',
    ],
    coverageDirectory: '<rootDir>/coverage',
    // Material UI v4 tables and selects re-render a lot under user-event: give interaction tests room.
    testTimeout: 30000,
  };
};
