import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'yaml';
const { PARSE_OPTIONS } = await import('../dist/parse/options.js');
const { packJson, unpackJson } = await import('../dist/model/packed-json.js');
function* walk(dir) { for (const e of readdirSync(dir, { withFileTypes: true })) { const p = join(dir, e.name); if (e.isDirectory()) yield* walk(p); else if (/\.(ya?ml|json)$/i.test(e.name)) yield p; } }
const src = readFileSync(new URL('./run.mjs', import.meta.url),'utf8');
const gen = src.slice(src.indexOf('function generate'), src.indexOf('async function child'));
const generate = new Function(gen + '; return generate;')();
function jsons(texts) { const out = []; for (const text of texts) { const composer = new yaml.Composer(PARSE_OPTIONS); const parser = new yaml.Parser(); try { for (const doc of composer.compose(parser.parse(text), true, text.length)) { if (doc.errors.length) continue; const v = doc.toJS({ maxAliasCount: 1000 }); if (v && typeof v === 'object') out.push(JSON.stringify(v)); } } catch {} } return out; }
for (const [name, arr] of [['corpus', jsons([...walk('/work/shared/corpus/real-world')].map(p => readFileSync(p, 'utf8')))], ['gen', jsons([generate(20000)[0].text])]]) {
  let t = performance.now(); const e = arr.map(packJson); const te = performance.now() - t;
  t = performance.now(); for (let i = 0; i < e.length; i++) if (unpackJson(e[i]) !== arr[i]) throw new Error('mismatch ' + i); const td = performance.now() - t;
  const total = (a) => a.reduce((n, s) => n + Buffer.byteLength(s), 0);
  console.log(name, 'json MB', (total(arr) / 1048576).toFixed(2), 'packed MB', (total(e) / 1048576).toFixed(2), 'pack ms', te.toFixed(0), 'unpack ms', td.toFixed(0));
}
