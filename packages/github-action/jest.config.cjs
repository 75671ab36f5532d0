// Jest compiles to CommonJS, but msw 3, @octokit/* and several of their dependencies ship ES modules
// only: let @swc/jest compile those to CommonJS like the sources. The preset's `.js` → source mapping
// also applies to their relative imports, which resolve the same file.
const preset = require('../../jest.preset.cjs');

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
  '@octokit',
  'before-after-hook',
  'universal-user-agent',
  'json-with-bigint',
  'content-type',
];

module.exports = {
  ...preset,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
};
