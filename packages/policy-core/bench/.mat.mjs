import { readFileSync } from 'node:fs';
import * as yaml from 'yaml';
const { PARSE_OPTIONS } = await import('/work/main/packages/policy-core/dist/parse/options.js');
const { buildWorkload, BUILTIN_WORKLOAD_KINDS } = await import('/work/main/packages/policy-core/dist/model/workload.js');
const src = readFileSync('/work/main/packages/policy-core/bench/run.mjs','utf8');
const gen = src.slice(src.indexOf('function generate'), src.indexOf('async function child'));
const generate = new Function(gen + '; return generate;')();
const [file] = generate(30000);
const values = [];
const lc = new yaml.LineCounter(); const parser = new yaml.Parser(lc.addNewLine); const composer = new yaml.Composer(PARSE_OPTIONS);
let t = performance.now();
for (const doc of composer.compose(parser.parse(file.text), true, file.text.length)) values.push(doc.toJS({maxAliasCount: 1000}));
console.log('yaml parse+toJS per doc µs', ((performance.now() - t) * 1000 / values.length).toFixed(1));
const texts = values.map(v => JSON.stringify(v));
const bufs = texts.map(s => Buffer.from(s));
const dk = BUILTIN_WORKLOAD_KINDS[1];
for (let round = 0; round < 3; round++) {
  t = performance.now(); let x = 0;
  for (let i = 0; i < bufs.length; i++) { const o = JSON.parse(bufs[i].toString('utf8')); if (o.kind === 'Deployment') x += buildWorkload(o, dk) ? 1 : 0; }
  console.log('materialize per doc µs', ((performance.now() - t) * 1000 / bufs.length).toFixed(2));
  t = performance.now();
  for (let i = 0; i < values.length; i++) { JSON.stringify(values[i]); }
  console.log('stringify per doc µs', ((performance.now() - t) * 1000 / bufs.length).toFixed(2));
}
