import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'yaml';
const { PARSE_OPTIONS } = await import('../dist/parse/options.js');
function* walk(dir) { for (const e of readdirSync(dir, { withFileTypes: true })) { const p = join(dir, e.name); if (e.isDirectory()) yield* walk(p); else if (/\.(ya?ml|json)$/i.test(e.name)) yield p; } }
let files = 0, bad = 0;
for (const root of process.argv.slice(2)) for (const path of walk(root)) {
  const text = readFileSync(path, 'utf8'); files++;
  const lc = new yaml.LineCounter(); const parser = new yaml.Parser(lc.addNewLine); const composer = new yaml.Composer(PARSE_OPTIONS);
  try { for (const doc of composer.compose(parser.parse(text), true, text.length)) { doc.toJS({ maxAliasCount: 1000 }); } } catch (e) { console.log('threw', path, e.message); }
  const mine = [0]; for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) mine.push(i + 1);
  const a = lc.lineStarts; let same = a.length === mine.length; for (let i = 0; same && i < a.length; i++) if (a[i] !== mine[i]) same = false;
  if (!same) { bad++; let i = 0; while (i < a.length && a[i] === mine[i]) i++; console.log('DIFF', path, a.length, mine.length, 'at', i, a.slice(i, i + 3), mine.slice(i, i + 3), JSON.stringify(text.slice(Math.max(0, (mine[i] ?? a[i]) - 40), (mine[i] ?? a[i]) + 20))); }
}
console.log('files', files, 'different', bad);
