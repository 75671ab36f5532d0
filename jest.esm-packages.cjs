// kubernetes-models (the embedded schema validator's schemas) ships ES modules whose package exports have
// only an `import` condition, which Jest's CommonJS resolver does not use: map the specifiers to their
// files here, and let @swc/jest compile them and their ESM-only dependencies (is-cidr, cidr-regex) to
// CommonJS like the sources (yaml and commander too).
const { dirname, join } = require('node:path');

const modules = join(
  dirname(require.resolve('kubernetes-models/package.json', { paths: [__dirname] })),
  '..',
);

module.exports = {
  transformIgnorePatterns: [
    '/node_modules/(?!(yaml|commander|kubernetes-models|@kubernetes-models|is-cidr|cidr-regex)/)',
  ],
  moduleNameMapper: {
    '^(kubernetes-models|@kubernetes-models/apimachinery)/((?!package\\.json$).+?)(\\.js)?$': `${modules}/$1/$2.js`,
    '^@kubernetes-models/(validate|base)$': `${modules}/@kubernetes-models/$1/dist/index.js`,
    '^@kubernetes-models/validate/runtime/(.+?)(\\.js)?$': `${modules}/@kubernetes-models/validate/dist/runtime/$1.js`,
  },
};
