#!/usr/bin/env node
// Adds up the Jest results every package wrote (test-output/jest.json) and prints one closing line,
// `tests: N passed, N failed`, so CI can read the outcome of the whole monorepo run.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = ['packages', 'plugins'].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => join(root, d, p)) : [],
);
dirs.push(join(root, 'test'));
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const dir of dirs) {
  const file = join(dir, 'test-output', 'jest.json');
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  lines.push(`  ${dir.slice(root.length)}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
}
console.log(lines.join('\n'));
if (passed + failed === 0) {
  console.log('tests: no test results found');
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
