import { scan } from '@shiftdown/policy-core';
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
const src = readFileSync(new URL('./run.mjs', import.meta.url),'utf8');
const gen = src.slice(src.indexOf('function generate'), src.indexOf('async function child'));
const generate = new Function(gen + '; return generate;')();
const files = generate(50000);
const r = scan({ files, today: '2026-01-01' });
const text = readFileSync('/proc/self/smaps', 'utf8');
const blocks = text.split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/);
const rows = [];
for (const b of blocks) { const head = b.split('\n')[0]; const rss = Number(b.match(/\nRss:\s+(\d+)/)?.[1] ?? 0); const size = Number(b.match(/\nSize:\s+(\d+)/)?.[1] ?? 0); const name = head.split(/\s+/).slice(5).join(' ') || '[anon]'; rows.push({ name, rss, size }); }
const agg = new Map(); for (const r of rows) { const k = r.name.startsWith('/') ? 'file:' + r.name.split('/').pop() : r.name; const a = agg.get(k) ?? { rss: 0, n: 0, big: [] }; a.rss += r.rss; a.n++; if (r.rss > 2048) a.big.push([Math.round(r.size/1024), Math.round(r.rss/1024)]); agg.set(k, a); }
for (const [k, a] of [...agg].sort((x, y) => y[1].rss - x[1].rss).slice(0, 8)) console.log(k, (a.rss / 1024).toFixed(1), 'MB in', a.n, 'maps; big (size,rss MB):', JSON.stringify(a.big.sort((x,y)=>y[1]-x[1]).slice(0, 25)));
const spaces = v8.getHeapSpaceStatistics().reduce((n, s) => n + s.space_size, 0) / 1048576;
console.log('heap committed', spaces.toFixed(0), 'ab', (process.memoryUsage().arrayBuffers/1048576).toFixed(0), 'rss', (process.memoryUsage().rss/1048576).toFixed(0), 'maxrss', (process.resourceUsage().maxRSS/1024).toFixed(0));
