// kubernetes-models (the embedded schema validator's schemas) ships ES modules whose package exports have
// only an `import` condition, which Jest's CommonJS resolver does not use: map the specifiers to their
// files here, and let @swc/jest compile them and their ESM-only dependencies (is-cidr, cidr-regex) to
// CommonJS like the sources (yaml and commander too).
const { dirname, join } = require('node:path');

const modules = join(
  dirname(require.resolve('kubernetes-models/package.json', { paths: [__dirname] })),
  '..',
);

/** A transformIgnorePatterns entry that lets @swc/jest compile these packages (and only these). */
const compiling = (packages) => `/node_modules/(?!(${packages.join('|')})/)`;

/**
 * msw (the mocked GitHub API of the Action's tests and e2e suite) and its dependencies ship ES modules
 * only: the Jest configs that load it compile these too.
 */
const mswPackages = [
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
  transformIgnorePatterns: [
    compiling(['yaml', 'commander', 'kubernetes-models', '@kubernetes-models', 'is-cidr', 'cidr-regex']),
  ],
  moduleNameMapper: {
    '^(kubernetes-models|@kubernetes-models/apimachinery)/((?!package\\.json$).+?)(\\.js)?$': `${modules}/$1/$2.js`,
    '^@kubernetes-models/(validate|base)$': `${modules}/@kubernetes-models/$1/dist/index.js`,
    '^@kubernetes-models/validate/runtime/(.+?)(\\.js)?$': `${modules}/@kubernetes-models/validate/dist/runtime/$1.js`,
  },
  compiling,
  mswPackages,
};
