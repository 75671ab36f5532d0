#!/usr/bin/env node
// Benchmarks of the policy core (not timed tests): `pnpm bench` from the repository root.
//
// Each measurement runs in a fresh child process, so its peak RSS (getrusage maxrss) is its own.
// Inputs are read before the clock starts; the clock covers parsing (bare) or the full scan.
//   1. the real-world corpus (../shared/corpus/real-world): bare YAML parse vs full scan
//   2. the same corpus scanned with the embedded schema validator (packages/kubeconform, built): what
//      schema validation adds
//   3. generated single files of 12,500 / 25,000 / 50,000 documents: linearity and peak RSS
//   4. the CLI (its bin) on the 50,000-document file, writing text, JSON and SARIF reports: peak RSS
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const sharedDir = process.env.SHIFTDOWN_SHARED_DIR ?? resolve(repoRoot, '../shared');
const corpusDir = join(sharedDir, 'corpus/real-world');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// The parse/scan ratio compares two noisy figures: more runs, interleaved (see measureInterleaved).
const CORPUS_RUNS = Number(process.env.BENCH_CORPUS_RUNS ?? 5);
// Which sections to run (default all): BENCH_ONLY=corpus,generated,cli
const SECTIONS = new Set((process.env.BENCH_ONLY ?? 'corpus,generated,cli').split(',').map((s) => s.trim()));
// Extra V8 flags for the measured processes, e.g. BENCH_NODE_FLAGS=--max-semi-space-size=8.
const NODE_FLAGS = ['--expose-gc', ...(process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean)];

function listManifests(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listManifests(path));
    else if (/\.(ya?ml|json)$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function loadCorpus() {
  return listManifests(corpusDir).map((path) => ({
    path: relative(corpusDir, path),
    text: readFileSync(path, 'utf8'),
  }));
}

/** Deterministic realistic documents: Deployments, Services and ConfigMaps in rotation. */
function generate(count) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    // Each Service fronts the Deployment just before it, in that Deployment's namespace.
    const ns = `team-${(i - (i % 3)) % 40}`;
    switch (i % 3) {
      case 0:
        docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  namespace: ${ns}
  labels: {app: svc-${i}}
spec:
  replicas: 2
  selector:
    matchLabels: {app: svc-${i}}
  template:
    metadata:
      labels: {app: svc-${i}}
    spec:
      securityContext:
        runAsNonRoot: ${i % 7 !== 0}
        seccompProfile: {type: RuntimeDefault}
      containers:
      - name: app
        image: registry.example.com/svc-${i}:1.${i % 10}.0
        ports:
        - containerPort: 8080
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {memory: 256Mi}
`);
        break;
      case 1:
        docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-${i - 1}
  namespace: ${ns}
spec:
  selector: {app: svc-${i - 1}}
  ports:
  - port: 80
    targetPort: 8080
`);
        break;
      default:
        docs.push(`apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg-${i}
  namespace: ${ns}
data:
  LOG_LEVEL: info
  FEATURE_${i % 13}: "true"
`);
    }
  }
  return [{ path: `generated-${count}.yaml`, text: docs.join('---\n') }];
}

/**
 * The CLI as users run it (its bin, with the V8 settings it makes), in this process so that the peak RSS
 * measured is its own: the generated input is written to a temporary file first, the report goes to
 * another (`--output`), and the clock covers reading, scanning and writing the report.
 */
/**
 * How the CLI is started: `bin` as users run it (the V8 settings of packages/cli/bin/shiftdown.mjs), or its
 * `main` called directly, with V8's defaults (`v8-defaults`) or with only allocation-site pretenuring off
 * (`no-pretenuring`) — what each of the bin's two settings buys.
 */
const CLI_VARIANTS = ['bin', 'no-pretenuring', 'v8-defaults'];

async function cliChild(variant, format, input) {
  const { mkdtempSync, writeFileSync, statSync: stat, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'shiftdown-bench-'));
  const [file] = generate(Number(input));
  const manifest = join(dir, file.path);
  writeFileSync(manifest, file.text);
  const output = join(dir, `report.${format}`);
  // The bin reads process.argv; `main` gets the same arguments.
  process.argv = [
    process.argv[0],
    'shiftdown',
    'scan',
    manifest,
    '--format',
    format,
    '--output',
    output,
    '--fail-on',
    'none',
  ];
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  if (variant === 'bin') {
    await import(new URL('../../cli/bin/shiftdown.mjs', import.meta.url).href);
  } else {
    if (variant === 'no-pretenuring')
      (await import('node:v8')).setFlagsFromString('--no-allocation-site-pretenuring');
    const { main } = await import(new URL('../../cli/dist/index.js', import.meta.url).href);
    const io = {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
    };
    process.exitCode = await main(process.argv.slice(2), io);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const reportBytes = stat(output).size;
  rmSync(dir, { recursive: true, force: true });
  if (process.exitCode) throw new Error(`shiftdown scan exited with ${process.exitCode}`);
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMiB,
      documents: Number(input),
      reportBytes,
    }),
  );
}

async function child(mode, input) {
  if (mode.startsWith('cli:')) {
    const [, variant, format] = mode.split(':');
    if (!CLI_VARIANTS.includes(variant)) throw new Error(`unknown CLI variant ${variant}`);
    return cliChild(variant, format, input);
  }
  const core = await import('@shiftdown/policy-core');
  const yaml = await import('yaml');
  const files = input === 'corpus' ? loadCorpus() : generate(Number(input));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let documents = 0;
  if (mode === 'parse') {
    // The same YAML library, options and streaming composition the scan uses, and nothing else.
    const { PARSE_OPTIONS: options } = await import(
      new URL('../dist/parse/options.js', import.meta.url).href
    );
    for (const file of files) {
      const lineCounter = new yaml.LineCounter();
      const parser = new yaml.Parser(lineCounter.addNewLine);
      const composer = new yaml.Composer(options);
      for (const doc of composer.compose(parser.parse(file.text), true, file.text.length)) {
        doc.toJS({ maxAliasCount: 1000 });
        documents++;
      }
    }
  } else if (mode === 'scan-schema') {
    // By path: the core package does not depend on @shiftdown/kubeconform (it is the other way round).
    // The validator is created inside the clock: loading the schema modules it needs is part of the cost.
    const { createEmbeddedValidator } = await import(
      new URL('../../kubeconform/dist/index.js', import.meta.url).href
    );
    const report = core.scan({ files, today: '2026-01-01', schemaValidator: createEmbeddedValidator() });
    documents = report.summary.documents;
  } else {
    const report = core.scan({ files, today: '2026-01-01' });
    documents = report.summary.documents;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time is far less disturbed than wall time by other work on a shared 2-core machine.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  // What stays reachable once the work is done (the report is still alive), after a full collection.
  globalThis.gc();
  const heapAfterGcMiB = process.memoryUsage().heapUsed / 1048576;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs, maxRssMiB, heapAfterGcMiB, documents, files: files.length, bytes }),
  );
}

function runChild(mode, input) {
  const out = execFileSync(
    process.execPath,
    [...NODE_FLAGS, fileURLToPath(import.meta.url), '--child', mode, input],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out);
}

/** Median run by wall time, with the highest peak RSS of all runs. */
function summarise(runs) {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  const cpuSorted = runs.map((r) => r.cpuMs).sort((a, b) => a - b);
  return {
    ...median,
    cpuMs: cpuSorted[Math.floor(cpuSorted.length / 2)],
    maxRssMiB: Math.max(...runs.map((r) => r.maxRssMiB)),
  };
}

function measure(mode, input) {
  return summarise(Array.from({ length: RUNS }, () => runChild(mode, input)));
}

/**
 * Several modes on the same input, their runs interleaved (a, b, c, a, b, c, …): a ratio between two
 * modes is then not skewed by the machine getting busier or quieter between one mode's runs and the next's.
 */
function measureInterleaved(modes, input, runs) {
  const results = modes.map(() => []);
  for (let i = 0; i < runs; i++) modes.forEach((mode, m) => results[m].push(runChild(mode, input)));
  return results.map(summarise);
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4]);
  console.log(
    `Shiftdown policy-core benchmarks — node ${process.version} ${NODE_FLAGS.join(' ')}, median of ${RUNS} runs (corpus: ${CORPUS_RUNS}, interleaved), each in a fresh process\n`,
  );

  try {
    statSync(corpusDir);
  } catch {
    console.error(`corpus not found at ${corpusDir} (set SHIFTDOWN_SHARED_DIR)`);
    process.exit(2);
  }
  if (SECTIONS.has('corpus')) corpusSection();
  if (SECTIONS.has('generated')) generatedSection();
  if (SECTIONS.has('cli')) cliSection();
}

function corpusSection() {
  const [parse, full, withSchema] = measureInterleaved(
    ['parse', 'scan', 'scan-schema'],
    'corpus',
    CORPUS_RUNS,
  );
  console.log(`Real-world corpus: ${parse.files} files, ${fmt(parse.bytes / 1048576, 1)} MiB`);
  console.log('| run | documents | wall time | CPU time | documents/s | peak RSS |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, r] of [
    ['bare YAML parse', parse],
    ['full scan', full],
    ['full scan + embedded schema validation', withSchema],
  ]) {
    console.log(
      `| ${name} | ${fmt(r.documents)} | ${fmt(r.ms)} ms | ${fmt(r.cpuMs)} ms | ${fmt((r.documents / r.ms) * 1000)} | ${fmt(r.maxRssMiB)} MiB |`,
    );
  }
  const ratio = full.cpuMs / parse.cpuMs;
  console.log(
    `\nfull scan / bare parse (CPU time) = ${fmt(ratio, 2)}; wall time ${fmt(full.ms / parse.ms, 2)} (target ≤ 1.5) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`,
  );
  console.log(
    `schema validation adds ${fmt(withSchema.cpuMs - full.cpuMs)} ms CPU (${fmt(withSchema.ms - full.ms)} ms wall) over the corpus\n`,
  );
}

function generatedSection() {
  console.log('Generated single file (Deployments, Services, ConfigMaps):');
  console.log('| documents | wall time | documents/s | µs/document | peak RSS | heap after GC |');
  console.log('|---|---|---|---|---|---|');
  const sizes = [12500, 25000, 50000];
  const results = sizes.map((n) => measure('scan', String(n)));
  results.forEach((r) => {
    console.log(
      `| ${fmt(r.documents)} | ${fmt(r.ms)} ms | ${fmt((r.documents / r.ms) * 1000)} | ${fmt((r.ms * 1000) / r.documents, 1)} | ${fmt(r.maxRssMiB)} MiB | ${fmt(r.heapAfterGcMiB)} MiB |`,
    );
  });
  const perDoc = results.map((r) => r.ms / r.documents);
  const growth = perDoc[perDoc.length - 1] / perDoc[0];
  const peak = results[results.length - 1].maxRssMiB;
  console.log(
    `\ntime per document, 50,000 vs 12,500: × ${fmt(growth, 2)} (linear ⇒ ≈ 1; target ≤ 1.3) ${growth <= 1.3 ? 'OK' : 'NOT LINEAR'}`,
  );
  console.log(
    `peak RSS at 50,000 documents: ${fmt(peak)} MiB (target < 300) ${peak < 300 ? 'OK' : 'OVER TARGET'}\n`,
  );
}

function cliSection() {
  console.log(
    'The CLI on the generated 50,000-document file (`shiftdown scan FILE --format F --output REPORT`; the clock includes reading the file):',
  );
  console.log('| started as | format | wall time | CPU time | report size | peak RSS |');
  console.log('|---|---|---|---|---|---|');
  const rows = [
    ...['text', 'json', 'sarif', 'junit', 'markdown'].map((format) => ['bin', format]),
    ['no-pretenuring', 'json'],
    ['v8-defaults', 'json'],
  ];
  for (const [variant, format] of rows) {
    const r = measure(`cli:${variant}:${format}`, '50000');
    console.log(
      `| ${variant} | ${format} | ${fmt(r.ms)} ms | ${fmt(r.cpuMs)} ms | ${fmt(r.reportBytes / 1048576, 1)} MiB | ${fmt(r.maxRssMiB)} MiB |`,
    );
  }
}

await main();
