// ESM-only dependencies (yaml, kubernetes-models for the embedded schema validator) are compiled to
// CommonJS for Jest: see jest.esm-packages.cjs.
const preset = require('../../jest.preset.cjs');
const esm = require('../../jest.esm-packages.cjs');

module.exports = {
  ...preset,
  transformIgnorePatterns: esm.transformIgnorePatterns,
  moduleNameMapper: { ...preset.moduleNameMapper, ...esm.moduleNameMapper },
};
