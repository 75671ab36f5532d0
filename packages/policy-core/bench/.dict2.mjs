import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'yaml';
const { PARSE_OPTIONS } = await import('../dist/parse/options.js');
function* walk(dir) { for (const e of readdirSync(dir, { withFileTypes: true })) { const p = join(dir, e.name); if (e.isDirectory()) yield* walk(p); else if (/\.(ya?ml|json)$/i.test(e.name)) yield p; } }
function jsons(texts) { const out = []; for (const text of texts) { const composer = new yaml.Composer(PARSE_OPTIONS); const parser = new yaml.Parser(); try { for (const doc of composer.compose(parser.parse(text), true, text.length)) { if (doc.errors.length) continue; const v = doc.toJS({ maxAliasCount: 1000 }); if (v && typeof v === 'object') out.push(JSON.stringify(v)); } } catch {} } return out; }
const corpus = jsons([...walk('/work/shared/corpus/real-world')].map(p => readFileSync(p, 'utf8')));
// Count each key once per document (so one huge CRD does not dominate), weight = documents × key length.
const docs = new Map();
for (const j of corpus) { const seen = new Set(); for (const m of j.matchAll(/"([A-Za-z][A-Za-z0-9.\/-]{1,40})":/g)) seen.add(m[1]); for (const k of seen) docs.set(k, (docs.get(k) ?? 0) + 1); }
const ranked = [...docs].map(([k, n]) => [k, n * (k.length + 2)]).sort((a, b) => b[1] - a[1]);
console.log(ranked.slice(0, 130).map(([k]) => k).join(','));
