// ESM-only dependencies (kubernetes-models through @shiftdown/kubeconform) are compiled to CommonJS for
// Jest: see jest.esm-packages.cjs.
const preset = require('../../jest.preset.cjs');
const esm = require('../../jest.esm-packages.cjs');

module.exports = {
  ...preset,
  transformIgnorePatterns: esm.transformIgnorePatterns,
  moduleNameMapper: { ...preset.moduleNameMapper, ...esm.moduleNameMapper },
  // Each test file starts a backend and opens databases; PostgreSQL set-up can take a few seconds.
  testTimeout: 60000,
};
