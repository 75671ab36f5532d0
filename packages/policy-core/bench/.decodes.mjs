import { scan } from '@shiftdown/policy-core';
import { readFileSync } from 'node:fs';
const src = readFileSync(new URL('./run.mjs', import.meta.url),'utf8');
const gen = src.slice(src.indexOf('function generate'), src.indexOf('async function child'));
const generate = new Function(gen + '; return generate;')();
const files = process.argv[2] === 'corpus' ? null : generate(Number(process.argv[2]));
let input = files;
if (!input) { const { readdirSync } = await import('node:fs'); const { join, relative } = await import('node:path'); const root = '/work/shared/corpus/real-world'; const out = []; const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/i.test(e.name)) out.push({ path: relative(root, p), text: readFileSync(p, 'utf8') }); } }; walk(root); input = out.sort((a, b) => a.path < b.path ? -1 : 1); }
const t = performance.now();
const r = scan({ files: input, today: '2026-01-01' });
console.log('resources', r.summary.resources, 'decodes', globalThis.__decodes, 'ms', (performance.now() - t).toFixed(0), 'maxrss', (process.resourceUsage().maxRSS / 1024).toFixed(0));
console.log([...globalThis.__byRule].sort((a, b) => b[1] - a[1]).slice(0, 12));
