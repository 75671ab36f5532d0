// Extracts the routes, query parameters and request body schemas of the GitHub REST operations the Action
// calls from the dereferenced OpenAPI description in @octokit/openapi, into the small fixture the mocked
// APIs of test/github and test/bundle validate requests against (the full description is ~73 MB, far too
// big to commit).
//
//   cd /tmp && npm pack @octokit/openapi@23.0.2 && mkdir -p openapi && tar xzf octokit-openapi-23.0.2.tgz -C openapi
//   node packages/github-action/scripts/extract-openapi.mjs /tmp/openapi/package
//
// Writes packages/github-action/test/fixtures/github-openapi.json. Annotations that do not constrain
// anything (description, example, examples) are dropped to keep the fixture small; everything that
// validates (type, enum, required, format, nullable, items, properties, oneOf/anyOf/allOf, ...) is kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments'],
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
];

const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: node scripts/extract-openapi.mjs <unpacked @octokit/openapi package directory>');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(join(packageDir, 'generated', 'api.github.com.deref.json'), 'utf8'));

const ANNOTATIONS = new Set(['description', 'example', 'examples', 'title']);

/** A schema without its annotations; `properties` maps names to schemas (a property may be called "description"). */
function strip(schema) {
  if (Array.isArray(schema)) return schema.map(strip);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, strip(s)]));
    } else if (key === 'enum' || key === 'default' || key === 'required' || key === 'const') {
      out[key] = value;
    } else {
      out[key] = strip(value);
    }
  }
  return out;
}

const operations = {};
for (const [method, path] of OPERATIONS) {
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the description`);
  operations[operation.operationId] = {
    method: method.toUpperCase(),
    path,
    query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    requestBody: operation.requestBody
      ? strip(operation.requestBody.content['application/json'].schema)
      : null,
  };
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'github-openapi.json');
const fixture = {
  source: `@octokit/openapi@${spec.info.version} generated/api.github.com.deref.json`,
  operations,
};
writeFileSync(out, `${JSON.stringify(fixture)}\n`);
console.log(`${out}: ${Object.keys(operations).length} operations`);
