// Unit tests. The end-to-end test (a real scaffolder backend) has its own config, jest.config.e2e.cjs,
// because it needs --forceExit, which would hide handles leaked by unit tests too. ESM-only dependencies
// (commander through @shiftdown/cli, kubernetes-models through the embedded schema validator) are
// compiled to CommonJS: see jest.esm-packages.cjs.
const preset = require('../../jest.preset.cjs');
const esm = require('../../jest.esm-packages.cjs');

module.exports = {
  ...preset,
  transformIgnorePatterns: esm.transformIgnorePatterns,
  moduleNameMapper: { ...preset.moduleNameMapper, ...esm.moduleNameMapper },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
};
