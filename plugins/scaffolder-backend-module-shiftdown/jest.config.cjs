// Unit tests and the end-to-end test (a real scaffolder backend). ESM-only dependencies (commander through
// @shiftdown/cli, kubernetes-models through the embedded schema validator) are compiled to CommonJS: see
// jest.esm-packages.cjs.
const preset = require('../../jest.preset.cjs');
const esm = require('../../jest.esm-packages.cjs');

const base = {
  ...preset,
  transformIgnorePatterns: esm.transformIgnorePatterns,
  moduleNameMapper: { ...preset.moduleNameMapper, ...esm.moduleNameMapper },
};

module.exports = {
  // The scaffolder backend leaves handles open after `backend.stop()` (its task workers and the
  // database pool): without this the e2e run never exits. `jest --selectProjects unit` runs without it.
  forceExit: true,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/test/e2e/'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
