#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule and docs/rules/README.md, from rule metadata.
// Run with `pnpm gen-docs`. A test fails when the committed docs differ from this output.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, BUILTIN_RULES, renderRuleDoc, renderRuleIndex } from '../packages/policy-core/dist/index.js';

const dir = new URL('../docs/rules/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (name.endsWith('.md')) rmSync(join(dir, name));
const metas = [...ALL_RULES.map((r) => r.meta), ...BUILTIN_RULES];
for (const meta of metas) writeFileSync(join(dir, `${meta.id}.md`), renderRuleDoc(meta));
writeFileSync(join(dir, 'README.md'), renderRuleIndex(metas));
console.log(`wrote ${metas.length} rule pages and the index to docs/rules/`);
