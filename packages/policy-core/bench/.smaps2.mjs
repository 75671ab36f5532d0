import { scan } from '@shiftdown/policy-core';
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
const src = readFileSync(new URL('./run.mjs', import.meta.url),'utf8');
const gen = src.slice(src.indexOf('function generate'), src.indexOf('async function child'));
const generate = new Function(gen + '; return generate;')();
const dump = (label) => {
  const text = readFileSync('/proc/self/smaps', 'utf8');
  const blocks = text.split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/);
  const buckets = new Map();
  for (const b of blocks) {
    const head = b.split('\n')[0]; const name = head.split(/\s+/).slice(5).join(' ');
    if (name && name !== '[heap]' && !name.startsWith('[anon')) continue;
    const rss = Number(b.match(/\nRss:\s+(\d+)/)?.[1] ?? 0) / 1024; const size = Number(b.match(/\nSize:\s+(\d+)/)?.[1] ?? 0) / 1024;
    const k = name === '[heap]' ? '[heap]' : size <= 0.25 ? '<=256K' : size <= 1 ? '<=1M' : size <= 8.1 ? '<=8M' : size <= 64.1 ? '<=64M' : '>64M';
    const a = buckets.get(k) ?? { rss: 0, n: 0 }; a.rss += rss; a.n++; buckets.set(k, a);
  }
  const heap = v8.getHeapSpaceStatistics().reduce((n, s) => n + s.space_size, 0) / 1048576;
  console.log(label, 'heap committed', heap.toFixed(0), 'ab', (process.memoryUsage().arrayBuffers / 1048576).toFixed(0), [...buckets].map(([k, a]) => `${k}: ${a.rss.toFixed(1)}MB/${a.n}`).join(', '));
};
dump('start');
const files = generate(50000);
globalThis.__mem = (l) => { if (l === 'end phase2' || l === 'before counts') dump(l); };
const r = scan({ files, today: '2026-01-01' });
dump('end');
