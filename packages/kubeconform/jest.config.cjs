// kubernetes-models ships ESM only: let @swc/jest compile it to CommonJS like the sources (yaml too, as in the preset).
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  transformIgnorePatterns: ['/node_modules/(?!(yaml|kubernetes-models|@kubernetes-models)/)'],
};
