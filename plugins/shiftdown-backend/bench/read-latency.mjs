#!/usr/bin/env node
// Scorecard read latency under load (not a timed test): the plugin's router on loopback over an SQLite
// store of 2,000 entities, `GET /scorecards/component/default/<name>` for random entities at 500 req/s
// for 10 s with autocannon, then at saturation. Target: p99 ≤ 20 ms at 500 req/s.
//
//   node plugins/shiftdown-backend/bench/read-latency.mjs        (after building: tsc -p tsconfig.build.json)
//   BENCH_RATE=500 BENCH_DURATION=10 BENCH_ENTITIES=2000 BENCH_CONNECTIONS=20 node plugins/shiftdown-backend/bench/read-latency.mjs
//
// The server runs in a child process (the load generator does not share its event loop). It serves
// the real router (credentials check, catalog lookup, store read) with the real ScorecardStore on a
// better-sqlite3 file database, seeded through `ScorecardStore.save` with scorecards of real scans of
// examples/services (3 history points per entity). Two stand-ins, named in the output: the catalog is an
// in-process map (a real catalog lookup is an HTTP call to the catalog plugin and adds its latency) and
// credentials are a static bearer token (Backstage verifies a JWT).
//
// The fixed rate is paced (see `measure`): 20 single-connection autocannon instances at 25 req/s each,
// started 50 ms apart, with every response time recorded for exact percentiles. Latency is wall-clock and
// suffers when the machine is busy with other work; the server's CPU time per request does not.
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const here = dirname(fileURLToPath(import.meta.url));
const examples = resolve(here, '../../../examples/services');
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const TOKEN = 'Bearer shiftdown-bench';

async function sqliteVersion() {
  const { createRequire } = await import('node:module');
  return `better-sqlite3 ${createRequire(import.meta.url)('better-sqlite3/package.json').version}`;
}

async function openStore(file) {
  const { createRequire } = await import('node:module');
  const knexFactory = createRequire(import.meta.url)('knex');
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  const { ScorecardStore } = await import('../dist/index.js');
  return { knex, store: await ScorecardStore.create({ knex }) };
}

/** One real report per example service (its manifests as `deploy/<file>`). */
function exampleReports(scan) {
  return readdirSync(examples).map((service) => {
    const dir = join(examples, service);
    const files = readdirSync(dir)
      .filter((name) => /\.(ya?ml|json)$/.test(name))
      .map((name) => ({ path: `deploy/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
    return { service, report: scan({ files }) };
  });
}

async function seed(file) {
  const { store, knex } = await openStore(file);
  const { scan } = await import('@shiftdown/policy-core');
  const { scorecardFromReport, pushedSourceLinker, serialiseScorecard } = await import('../dist/index.js');
  const { ScmIntegrations } = await import('../dist/integrations.js');
  const { ConfigReader } = await import('@backstage/config');
  const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
  const reports = exampleReports(scan);
  const started = Date.now();
  let findings = 0;
  await knex.raw('PRAGMA synchronous = OFF'); // seeding only; the measured server uses the defaults
  for (let i = 0; i < ENTITIES; i++) {
    const name = `service-${i}`;
    for (let point = 0; point < 3; point++) {
      const { report } = reports[(i + point) % reports.length];
      const sha = (((i * 3 + point) * 2654435761) % 2 ** 32).toString(16).padStart(8, '0').repeat(5);
      const scorecard = scorecardFromReport(report, {
        entityRef: `component:default/${name}`,
        source: 'push',
        scannedAt: new Date(Date.UTC(2026, 5, 1, 0, i % 60, point)).toISOString(),
        commitSha: sha,
        location: `https://github.com/acme/${name}`,
        linkSource: pushedSourceLinker(`https://github.com/acme/${name}`, { commit: sha }, integrations),
      });
      if (point === 2) findings += scorecard.findings.length + scorecard.suppressed.length;
      await store.save(`component:default/${name}`, serialiseScorecard(scorecard), {
        maxHistoryEntries: 100,
      });
    }
  }
  const size = (await knex.raw('select sum(length(scorecard)) as bytes from shiftdown_scorecards'))[0].bytes;
  await knex.destroy();
  return { seconds: (Date.now() - started) / 1000, findings, averageBytes: Math.round(size / ENTITIES) };
}

/** Child: serve the router over the seeded store on a loopback port, report the port to the parent. */
async function serve(file) {
  const sqlite = await sqliteVersion();
  const express = (await import('express')).default;
  const { AuthenticationError } = await import('@backstage/errors');
  const { ConfigReader } = await import('@backstage/config');
  const { createRouter, ManifestScanner, readSettings } = await import('../dist/index.js');
  const { ScmIntegrations } = await import('../dist/integrations.js');
  const { store } = await openStore(file);
  const entities = new Map(
    Array.from({ length: ENTITIES }, (_, i) => {
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `service-${i}`, namespace: 'default', title: `Service ${i}` },
        spec: { owner: `team-${i % 25}`, type: 'service', lifecycle: 'production' },
      };
      return [`component:default/service-${i}`, entity];
    }),
  );
  const catalog = {
    async getEntityByRef(ref) {
      const key = typeof ref === 'string' ? ref : `${ref.kind}:${ref.namespace}/${ref.name}`;
      return entities.get(key.toLowerCase());
    },
    async getEntitiesByRefs({ entityRefs }) {
      return { items: entityRefs.map((ref) => entities.get(ref)) };
    },
  };
  const user = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/bench' },
  };
  const httpAuth = {
    async credentials(req) {
      if (req.headers.authorization !== TOKEN) throw new AuthenticationError('missing credentials');
      return user;
    },
  };
  const logger = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    child() {
      return logger;
    },
  };
  const settings = readSettings(new ConfigReader({}));
  const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
  const auth = {
    async getOwnServiceCredentials() {
      return { principal: { type: 'service', subject: 'plugin:shiftdown' } };
    },
  };
  const scanner = new ManifestScanner({
    catalog,
    auth,
    urlReader: {},
    store,
    logger,
    settings,
    integrations,
  });
  const app = express();
  app.use(
    '/api/shiftdown',
    await createRouter({ httpAuth, auth, catalog, store, scanner, settings, integrations, logger }),
  );
  app.use((error, _req, res, _next) =>
    res.status(error.statusCode ?? 500).json({ error: { name: error.name, message: error.message } }),
  );
  const server = createServer(app);
  server.keepAliveTimeout = 60_000;
  // CPU time the server spends, asked for around a run: per request, it does not depend on what else
  // the machine is busy with (wall-clock latency does).
  process.on('message', () => process.send({ cpu: process.cpuUsage() }));
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, sqlite }));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdown-bench-'));
  const file = join(dir, 'shiftdown.sqlite');
  let child;
  try {
    const seeded = await seed(file);
    child = fork(fileURLToPath(import.meta.url), ['--serve', file], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { port, sqlite } = await new Promise((resolveReady, reject) => {
      child.once('message', resolveReady);
      child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
    });
    const autocannon = (await import('autocannon')).default;
    const url = `http://127.0.0.1:${port}`;
    const path = () =>
      `/api/shiftdown/scorecards/component/default/service-${Math.floor(Math.random() * ENTITIES)}`;
    /** One autocannon instance; every response time is recorded here (exact percentiles below). */
    const instance = (options, latencies) =>
      new Promise((resolveRun, reject) => {
        const run = autocannon(
          {
            url,
            headers: { authorization: TOKEN },
            requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
            ...options,
            ...(options.overallRate && { ignoreCoordinatedOmission: true }),
          },
          (error, result) => (error ? reject(error) : resolveRun(result)),
        );
        run.on('response', (_client, statusCode, _bytes, responseTime) => {
          if (statusCode === 200) latencies.push(responseTime);
        });
      });
    const serverCpu = () =>
      new Promise((resolveCpu) => {
        child.once('message', ({ cpu }) => resolveCpu((cpu.user + cpu.system) / 1000));
        child.send('cpu');
      });
    const percentile = (sorted, p) =>
      sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    /**
     * `parallel` instances started evenly over one second. autocannon's rate limit sends each
     * connection's quota for the second back-to-back when the second starts (and its coordinated-omission
     * correction assumes a 1 ms interval, hence ignoreCoordinatedOmission): one instance at 500 req/s
     * measures a burst every second, not a rate. Twenty single-connection instances at 25 req/s, 50 ms
     * apart, arrive close to evenly.
     */
    const measure = async ({ duration, rate, parallel, connections }) => {
      const latencies = [];
      const before = await serverCpu();
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: parallel }, async (_, i) => {
          if (rate) await sleep((i * 1000) / parallel);
          return instance(
            { duration, connections, ...(rate && { overallRate: rate / parallel }) },
            latencies,
          );
        }),
      );
      const seconds = (performance.now() - started) / 1000 - (rate ? (parallel - 1) / parallel : 0);
      const cpuMs = (await serverCpu()) - before;
      const sum = (key) => results.reduce((total, result) => total + result[key], 0);
      latencies.sort((a, b) => a - b);
      return {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1],
        perSecond: latencies.length / seconds,
        ok: latencies.length,
        other: sum('non2xx'),
        errors: sum('errors') + sum('timeouts'),
        cpuPerRequest: cpuMs / Math.max(1, latencies.length),
      };
    };
    // Warm up (JIT, SQLite page cache) before measuring.
    await measure({ duration: 2, rate: RATE, parallel: 20, connections: 1 });
    const measured = await measure({ duration: DURATION, rate: RATE, parallel: 20, connections: 1 });
    const saturated = await measure({ duration: 5, parallel: 1, connections: CONNECTIONS });
    child.kill();
    const { loadavg, cpus } = await import('node:os');

    const ms = (value) => `${value.toFixed(1).padStart(6)} ms`;
    const line = (label, result) =>
      `${label.padEnd(33)} p50 ${ms(result.p50)}   p99 ${ms(result.p99)}   max ${ms(result.max)}   ` +
      `${Math.round(result.perSecond).toString().padStart(5)} req/s   ` +
      `${result.ok} × 200, ${result.other} other, ${result.errors} errors   server CPU ${result.cpuPerRequest.toFixed(2)} ms/request`;
    console.log(`Shiftdown backend — scorecard read latency (node ${process.version}, ${sqlite})`);
    console.log(
      `machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} at the end (other work skews wall-clock latency)`,
    );
    console.log(
      `store: ${ENTITIES} entities × 3 history points in SQLite (seeded in ${seeded.seconds.toFixed(1)} s; ` +
        `scorecards average ${(seeded.averageBytes / 1024).toFixed(1)} KiB, ${seeded.findings} findings in all); ` +
        `catalog: in-process map; credentials: static token`,
    );
    console.log(line(`${RATE} req/s for ${DURATION} s (paced)`, measured));
    console.log(line(`saturation, ${CONNECTIONS} connections, 5 s`, saturated));
    const pass = measured.p99 <= 20 && measured.other === 0 && measured.errors === 0;
    console.log(`target p99 ≤ 20 ms at ${RATE} req/s: ${pass ? 'met' : 'NOT met'}`);
  } finally {
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3]);
else await main();
