#!/usr/bin/env node
// Agreement of the embedded schema validator with kubeconform v0.6.7 -strict on the real-world corpus.
// Build first (policy-core, then this package), then from the repository root:
//   node packages/kubeconform/scripts/agreement.mjs [corpus dir] [kubeconform verdicts json]
// Defaults: $SHIFTDOWN_SHARED_DIR (or ../shared next to the repository)/corpus/real-world and
// .../conformance/kubeconform/corpus-real-world.v0.6.7.json. Prints the agreement on the resources
// kubeconform had a schema for, every disagreement, the objects kubeconform had no schema for that the
// embedded validator validates, and the time validation takes.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { scan, decodeBytes, parseFile, VALIDITY_RULES } from '@shiftdown/policy-core';
import { createEmbeddedValidator } from '../dist/embedded/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.env.SHIFTDOWN_SHARED_DIR ?? path.resolve(here, '../../../../shared');
const corpusDir = process.argv[2] ?? path.join(shared, 'corpus', 'real-world');
const verdictsPath =
  process.argv[3] ?? path.join(shared, 'conformance', 'kubeconform', 'corpus-real-world.v0.6.7.json');
const TODAY = '2026-01-01';

/** Files as kubeconform finds them: .yaml, .yml and .json, paths relative to the corpus root, sorted. */
function corpusFiles(dir) {
  const out = [];
  const walk = (current) => {
    const entries = readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(entry.name)) {
        const relative = path.relative(dir, full).split(path.sep).join('/');
        out.push({ path: relative, text: decodeBytes(readFileSync(full)) });
      }
    }
  };
  walk(dir);
  return out;
}

/** Built-in API groups: the core group, groups without a dot (apps, batch, …) and *.k8s.io. */
function categoryOf(resource) {
  if (resource.kind === 'CustomResourceDefinition') return 'CustomResourceDefinitions';
  const slash = resource.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : resource.apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io') ? 'built-in kinds' : 'custom resources';
}

/** A validator that records each resource's issues and the time spent validating (in total and per category). */
function recording(validator) {
  const results = [];
  const byCategory = new Map();
  let time = 0;
  return {
    results,
    byCategory,
    time: () => time,
    validator: {
      name: validator.name,
      validate(resource, index) {
        const start = performance.now();
        const issues = validator.validate(resource, index);
        const spent = performance.now() - start;
        time += spent;
        const category = categoryOf(resource);
        const entry = byCategory.get(category) ?? { count: 0, time: 0 };
        byCategory.set(category, { count: entry.count + 1, time: entry.time + spent });
        results.push({ resource, issues });
        return issues;
      },
    },
  };
}

const metadataName = (object) =>
  typeof object?.metadata === 'object' && object.metadata !== null && typeof object.metadata.name === 'string'
    ? object.metadata.name
    : '';
const keyOf = (file, kind, name, version) => JSON.stringify([file, kind, name, version]);
const verdictOf = (issues) =>
  issues.some((issue) => issue.type === 'invalid')
    ? 'invalid'
    : issues.some((issue) => issue.type === 'missing')
      ? 'missing'
      : 'valid';
const ms = (value) => `${value.toFixed(0)} ms`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const files = corpusFiles(corpusDir);
const kubeconform = JSON.parse(readFileSync(verdictsPath, 'utf8')).resources;

// Time: the scan with every rule, without and with schema validation (cold: the first validator, schema
// modules not loaded yet; warm: a fresh validator once the modules are loaded, so CRD schemas compile again).
const timeScan = (schemaValidator) => {
  const start = performance.now();
  scan({ files, today: TODAY, ...(schemaValidator && { schemaValidator }) });
  return performance.now() - start;
};
timeScan(undefined);
const baseline = median([timeScan(undefined), timeScan(undefined), timeScan(undefined)]);
const cold = recording(createEmbeddedValidator());
const coldScan = timeScan(cold.validator);
const warmRuns = [1, 2, 3].map(() => {
  const warm = recording(createEmbeddedValidator());
  return { scan: timeScan(warm.validator), inside: warm.time() };
});

// Verdicts, from a scan with the schema rules only (one validate() call per resource).
const run = recording(createEmbeddedValidator());
const report = scan({ files, today: TODAY, rules: VALIDITY_RULES, schemaValidator: run.validator });
const ours = new Map();
for (const result of run.results) {
  const { resource } = result;
  const key = keyOf(resource.file, resource.kind, metadataName(resource.object), resource.apiVersion);
  ours.set(key, [...(ours.get(key) ?? []), result]);
}

// kubeconform validates a typed list (ConfigMapList) as one object; Shiftdown validates its items. Such an
// entry gets the combined verdict of the items of the matching document (the k-th list of that kind).
const documentKinds = new Map();
const typedListResult = (file, kind, occurrence) => {
  if (!documentKinds.has(file)) {
    const input = files.find((candidate) => candidate.path === file);
    documentKinds.set(file, input ? parseFile(input).documents.map((document) => document.value?.kind) : []);
  }
  const documentIndex = documentKinds
    .get(file)
    .map((documentKind, index) => (documentKind === kind ? index : -1))
    .filter((index) => index >= 0)[occurrence];
  const items = run.results.filter(
    ({ resource }) => resource.file === file && resource.documentIndex === documentIndex,
  );
  if (items.length === 0) return undefined;
  return { resource: items[0].resource, issues: items.flatMap(({ issues }) => issues), typedList: true };
};

const taken = new Map();
const disagreements = [];
let compared = 0;
let typedLists = 0;
const noSchema = new Map();
for (const entry of kubeconform) {
  if (entry.status === '' || entry.kind === '') continue;
  const key = keyOf(entry.filename, entry.kind, entry.name, entry.version);
  const occurrence = taken.get(key) ?? 0;
  taken.set(key, occurrence + 1);
  const isTypedList = entry.kind.endsWith('List') && entry.kind !== 'List';
  const mine =
    ours.get(key)?.[occurrence] ??
    (isTypedList ? typedListResult(entry.filename, entry.kind, occurrence) : undefined);
  const verdict = mine ? verdictOf(mine.issues) : 'not validated (no such object after parsing)';
  if (entry.status === 'statusValid' || entry.status === 'statusInvalid') {
    compared++;
    if (mine?.typedList) typedLists++;
    const theirs = entry.status === 'statusValid' ? 'valid' : 'invalid';
    if (verdict !== theirs) disagreements.push({ entry, theirs, verdict, mine });
  } else if (entry.status === 'statusError' && entry.msg.startsWith('could not find schema')) {
    const group = entry.kind === 'CustomResourceDefinition' ? 'CustomResourceDefinitions' : 'other kinds';
    noSchema.set(group, [...(noSchema.get(group) ?? []), { entry, verdict, mine }]);
  }
}

const agreeing = compared - disagreements.length;
console.log(
  `Corpus: ${files.length} files, ${report.summary.documents} objects; ${kubeconform.length} kubeconform entries.`,
);
console.log(
  `Agreement on the ${compared} resources kubeconform had a schema for: ${agreeing}/${compared} = ` +
    `${((100 * agreeing) / compared).toFixed(2)} % (${disagreements.length} disagreements; ` +
    `${typedLists} typed lists such as ConfigMapList compared through the verdicts of their items).`,
);
for (const { entry, theirs, verdict, mine } of disagreements) {
  const at = mine ? `:${mine.resource.line}` : '';
  console.log(`\n- ${entry.filename}${at} ${entry.kind} ${entry.name || '(unnamed)'} (${entry.version})`);
  console.log(`    kubeconform: ${theirs}; embedded: ${verdict}`);
  for (const error of entry.validationErrors ?? [])
    console.log(`    kubeconform: ${error.path || '/'}: ${error.msg}`);
  for (const issue of mine?.issues ?? []) console.log(`    embedded ${issue.type}: ${issue.message}`);
}

console.log('\nObjects kubeconform had no schema for ("could not find schema"):');
for (const [group, entries] of noSchema) {
  const validated = entries.filter(({ verdict }) => verdict === 'valid' || verdict === 'invalid');
  const invalid = entries.filter(({ verdict }) => verdict === 'invalid');
  console.log(`  ${group}: ${validated.length} of ${entries.length} validated (${invalid.length} invalid)`);
  for (const { entry, mine } of invalid) {
    console.log(`    invalid: ${entry.filename} ${entry.kind} ${entry.name}`);
    for (const issue of mine.issues) console.log(`      ${issue.type}: ${issue.message}`);
  }
  const unvalidated = new Map();
  for (const { entry, verdict } of entries.filter((item) => !validated.includes(item))) {
    const reason = `${entry.kind} ${entry.version}: ${verdict}`;
    const seen = unvalidated.get(reason) ?? { count: 0, example: entry.filename };
    unvalidated.set(reason, { ...seen, count: seen.count + 1 });
  }
  for (const [reason, { count, example }] of [...unvalidated].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`    not validated: ${count} × ${reason} (e.g. ${example})`);
  }
}

const warmScan = median(warmRuns.map((warm) => warm.scan));
console.log('\nTime (every rule; median of 3 runs where repeated):');
console.log(`  scan without schema validation: ${ms(baseline)}`);
console.log(`  with the embedded validator, cold: ${ms(coldScan)} (${ms(cold.time())} inside validate())`);
console.log(
  `  with a fresh embedded validator, warm: ${ms(warmScan)} (${ms(median(warmRuns.map((warm) => warm.inside)))} inside validate())`,
);
console.log(`  added by schema validation: ${ms(coldScan - baseline)} cold, ${ms(warmScan - baseline)} warm`);
console.log('  inside validate(), cold, per category:');
for (const [category, { count, time }] of cold.byCategory) {
  console.log(`    ${category}: ${count} objects, ${ms(time)}`);
}
