import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'yaml';
const { PARSE_OPTIONS } = await import('../dist/parse/options.js');
function* walk(dir) { for (const e of readdirSync(dir, { withFileTypes: true })) { const p = join(dir, e.name); if (e.isDirectory()) yield* walk(p); else if (/\.(ya?ml|json)$/i.test(e.name)) yield p; } }
const src = readFileSync(new URL('./run.mjs', import.meta.url),'utf8');
const gen = src.slice(src.indexOf('function generate'), src.indexOf('async function child'));
const generate = new Function(gen + '; return generate;')();
function jsons(texts) { const out = []; for (const text of texts) { const composer = new yaml.Composer(PARSE_OPTIONS); const parser = new yaml.Parser(); try { for (const doc of composer.compose(parser.parse(text), true, text.length)) { if (doc.errors.length) continue; const v = doc.toJS({ maxAliasCount: 1000 }); if (v && typeof v === 'object') out.push(JSON.stringify(v)); } } catch {} } return out; }
const corpus = jsons([...walk('/work/shared/corpus/real-world')].map(p => readFileSync(p, 'utf8')));
const genj = jsons([generate(20000)[0].text]);
// key frequency (weighted by bytes saved) over corpus
const freq = new Map();
for (const j of corpus) for (const m of j.matchAll(/"([^"\\]{2,40})":/g)) freq.set(m[0], (freq.get(m[0]) ?? 0) + m[0].length - 1);
const top = process.env.DICT ? process.env.DICT.split(',').map((k) => `"${k}":`) : [...freq].sort((a, b) => b[1] - a[1]).slice(0, 31).map(([k]) => k);
console.log(top.join(' '));
const total = (arr) => arr.reduce((n, s) => n + s.length, 0);
const re = new RegExp(top.map(k => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
const idx = new Map(top.map((k, i) => [k, String.fromCharCode(i + 1)]));
const enc = (s) => s.replace(re, (m) => idx.get(m));
const back = new RegExp('[\\x01-\\x1f]', 'g');
const dec = (s) => s.replace(back, (c) => top[c.charCodeAt(0) - 1]);
for (const [name, arr] of [['corpus', corpus], ['gen', genj]]) {
  const e = arr.map(enc);
  for (let i = 0; i < arr.length; i++) if (dec(e[i]) !== arr[i]) throw new Error('mismatch');
  let t = performance.now(); for (const s of e) JSON.parse(dec(s)); const td = performance.now() - t;
  t = performance.now(); for (const s of arr) JSON.parse(s); const tp = performance.now() - t;
  t = performance.now(); for (const s of arr) enc(s); const te = performance.now() - t;
  console.log(name, 'docs', arr.length, 'json MB', (total(arr) / 1048576).toFixed(1), 'encoded MB', (total(e) / 1048576).toFixed(1), 'parse ms', tp.toFixed(0), 'dec+parse ms', td.toFixed(0), 'encode ms', te.toFixed(0));
}
