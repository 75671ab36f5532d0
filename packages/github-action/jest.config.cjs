// Jest compiles to CommonJS, but msw, @octokit/* and several of their dependencies ship ES modules only:
// let @swc/jest compile those to CommonJS like the sources (the msw list is shared with the e2e suite in
// jest.esm-packages.cjs). The preset's `.js` → source mapping also applies to their relative imports,
// which resolve the same file.
const preset = require('../../jest.preset.cjs');
const { compiling, mswPackages } = require('../../jest.esm-packages.cjs');

const octokitPackages = ['@octokit', 'before-after-hook', 'universal-user-agent', 'content-type'];

module.exports = {
  ...preset,
  transformIgnorePatterns: [compiling(['yaml', ...mswPackages, ...octokitPackages])],
};
