#!/usr/bin/env node
// Findings per rule in a Shiftdown JSON report, with the repositories (first path segment under the
// scanned corpus directory) that contribute most. Used for docs/benchmarks.md:
//   node packages/cli/bin/shiftdown.mjs scan ../shared/corpus/real-world --format json --fail-on none > /tmp/corpus.json
//   node scripts/rule-counts.mjs /tmp/corpus.json real-world 15
import { readFileSync } from 'node:fs';

const [reportPath, corpusDir = 'real-world', top = '15'] = process.argv.slice(2);
if (!reportPath) {
  console.error('usage: node scripts/rule-counts.mjs <report.json> [corpus directory name] [rows]');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const byRule = new Map();
for (const finding of report.findings) {
  if (finding.suppressed) continue;
  const parts = finding.file.split('/');
  const at = parts.indexOf(corpusDir);
  const repo = at >= 0 ? (parts[at + 1] ?? '') : parts[0];
  const entry = byRule.get(finding.ruleId) ?? { count: 0, repos: new Map() };
  entry.count++;
  entry.repos.set(repo, (entry.repos.get(repo) ?? 0) + 1);
  byRule.set(finding.ruleId, entry);
}
console.log(`${report.findings.length} findings on ${report.summary.documents} objects`);
console.log('| findings | rule | mostly from |\n|---|---|---|');
for (const [rule, { count, repos }] of [...byRule].sort((a, b) => b[1].count - a[1].count).slice(0, Number(top))) {
  const most = [...repos].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([r, n]) => `${r} ${n}`).join(', ');
  console.log(`| ${count} | ${rule} | ${most} |`);
}
