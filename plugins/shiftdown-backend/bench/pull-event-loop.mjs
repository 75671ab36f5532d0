#!/usr/bin/env node
// Event-loop time of one pull scan (not a timed test): how long the backend's main thread is busy, and its
// longest stall, while `ManifestScanner.scanEntity` reads, scans (in a worker thread) and stores one tree of
// BENCH_DEPLOYMENTS privileged Deployments (default 2,000, in files of 50), forced, BENCH_RUNS times.
//
//   node plugins/shiftdown-backend/bench/pull-event-loop.mjs        (after building: tsc -p tsconfig.build.json)
//
// "busy" is the event loop's active time (`performance.eventLoopUtilization`): everything the main thread
// does for the pull — reading the tree, handing it to the worker, taking the result back, storing it —
// while the worker's own CPU time is not counted. "longest stall" is the largest event-loop delay seen by
// `monitorEventLoopDelay` (10 ms resolution): how long a request arriving meanwhile could wait at worst.
// The URL reader serves the tree from memory and the store is an in-memory better-sqlite3 database.
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PER_FILE = 50;
const REPO = 'https://github.com/acme/shop/tree/main';

const deployment = (name) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1.0
          securityContext:
            privileged: true
`;

function tree() {
  const files = [];
  for (let start = 0; start < DEPLOYMENTS; start += PER_FILE) {
    const count = Math.min(PER_FILE, DEPLOYMENTS - start);
    const text = Array.from({ length: count }, (_, i) => deployment(`app-${start + i}`)).join('---\n');
    files.push({ path: `app-${start / PER_FILE}.yaml`, content: Buffer.from(text) });
  }
  return files;
}

const urlReader = (files) => ({
  async readTree() {
    return {
      etag: '1'.repeat(40),
      files: async () => files.map((f) => ({ path: f.path, content: async () => f.content })),
    };
  },
});

const quietLogger = { info() {}, warn() {}, error() {}, debug() {}, child: () => quietLogger };

async function main() {
  const require = createRequire(import.meta.url);
  const knex = require('knex')({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  const { ConfigReader } = await import('@backstage/config');
  const { ManifestScanner, ScorecardStore, readSettings } = await import('../dist/index.js');
  const { createScanRunner } = await import('../dist/scan/scan-runner.js');
  const { ScmIntegrations } = await import('../dist/integrations.js');
  const config = new ConfigReader({});
  const settings = readSettings(config);
  const runner = createScanRunner({ threads: 1, integrations: config.getOptional('integrations') });
  const store = await ScorecardStore.create({ knex });
  const scanner = new ManifestScanner({
    runner,
    catalog: {},
    auth: {},
    urlReader: urlReader(tree()),
    store,
    logger: quietLogger,
    settings,
    integrations: ScmIntegrations.fromConfig(config),
  });
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'shop',
      namespace: 'default',
      annotations: { 'backstage.io/source-location': `url:${REPO}/`, 'shiftdown.dev/manifests': 'deploy/' },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };

  await scanner.scanEntity(entity, { force: true }); // warm-up: worker start, module loading, JIT
  const rows = [];
  for (let run = 0; run < RUNS; run++) {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const elu = performance.eventLoopUtilization();
    const started = performance.now();
    const outcome = await scanner.scanEntity(entity, { force: true });
    const wall = performance.now() - started;
    const busy = performance.eventLoopUtilization(elu).active;
    // A stall is seen when the delayed timer finally fires: let the loop turn once more before reading it.
    await sleep(30);
    delay.disable();
    if (outcome.type !== 'scanned') throw new Error(`unexpected outcome ${outcome.type}`);
    rows.push({ wall, busy, stall: delay.max / 1e6, bytes: outcome.scorecard.json.length });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const format = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`${DEPLOYMENTS} Deployments, ${RUNS} forced pulls after a warm-up, node ${process.version}`);
  console.log(`scorecard JSON:                ${(rows[0].bytes / 1024 ** 2).toFixed(1)} MiB`);
  console.log(`wall per pull:                 median ${format(median(rows.map((r) => r.wall)))}`);
  console.log(
    `event loop busy per pull:      median ${format(median(rows.map((r) => r.busy)))} (${rows.map((r) => format(r.busy)).join(', ')})`,
  );
  console.log(
    `longest event-loop stall:      median ${format(median(rows.map((r) => r.stall)))} (${rows.map((r) => format(r.stall)).join(', ')})`,
  );
  await runner.close();
  await knex.destroy();
}

await main();
