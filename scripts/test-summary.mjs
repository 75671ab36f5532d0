#!/usr/bin/env node
// Adds up the Jest results every package wrote (test-output/jest*.json: a package with several Jest
// configs writes one file per config) and prints one closing line,
// `tests: N passed, N failed`, so CI can read the outcome of the whole monorepo run.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs = ['packages', 'plugins'].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => join(root, d, p)) : [],
);
dirs.push(join(root, 'test'));
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const dir of dirs) {
  const output = join(dir, 'test-output');
  if (!existsSync(output)) continue;
  const files = readdirSync(output).filter((name) => /^jest.*\.json$/.test(name));
  if (files.length === 0) continue;
  let dirPassed = 0;
  let dirFailed = 0;
  for (const name of files) {
    const result = JSON.parse(readFileSync(join(output, name), 'utf8'));
    dirPassed += result.numPassedTests;
    dirFailed += result.numFailedTests;
    skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  }
  passed += dirPassed;
  failed += dirFailed;
  lines.push(`  ${dir.slice(root.length)}: ${dirPassed} passed, ${dirFailed} failed`);
}
console.log(lines.join('\n'));
if (passed + failed === 0) {
  console.log('tests: no test results found');
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
