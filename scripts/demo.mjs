#!/usr/bin/env node
// Starts the Shiftdown demo: the demo Backstage backend (examples/backstage/backend), which serves the
// demo app, the catalog of examples/services and their security scorecards. Builds nothing: run it after
// `pnpm build` (the root `start` script does both). Waits until every service's scorecard is computed,
// prints the scores and the URLs to open, and keeps running until Ctrl-C.
//
//   node scripts/demo.mjs [--port 7007]        (or SHIFTDOWN_DEMO_PORT)
//
// The backend's own log goes to a file (its path is printed); it is shown here only if the backend stops.
/* global fetch, setTimeout */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const backendEntry = join(root, 'examples/backstage/backend/dist/index.js');
const appIndex = join(root, 'examples/backstage/app/dist/index.html');
const READY_TIMEOUT_MS = 180_000;
const MANIFESTS_ANNOTATION = 'shiftdown.dev/manifests';

const { values: options } = parseArgs({
  options: { port: { type: 'string', default: process.env.SHIFTDOWN_DEMO_PORT || '7007' } },
});
const port = Number(options.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`demo: --port must be a TCP port number, got "${options.port}"`);
  process.exit(2);
}
for (const [file, what] of [
  [backendEntry, 'the demo backend'],
  [appIndex, 'the demo app'],
]) {
  if (!existsSync(file)) {
    console.error(`demo: ${what} is not built (${file} is missing): run \`pnpm build\` first, or \`pnpm start\`.`);
    process.exit(1);
  }
}

const baseUrl = `http://localhost:${port}`;
const logFile = join(tmpdir(), `shiftdown-demo-${port}.log`);
const log = createWriteStream(logFile);
const backend = spawn(process.execPath, [backendEntry], {
  cwd: root,
  env: { ...process.env, SHIFTDOWN_DEMO_PORT: String(port) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
backend.stdout.pipe(log);
backend.stderr.pipe(log);
console.log(`demo: starting the Backstage backend on ${baseUrl} (log: ${logFile})`);

let stopping = false;
backend.on('exit', (code, signal) => {
  // Ctrl-C in the terminal reaches the backend too: it may stop before our own SIGINT handler runs.
  if (stopping || code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') process.exit(0);
  console.error(`demo: the backend stopped (${signal ?? `exit code ${code}`}). The end of its log:`);
  log.end(() => {
    const lines = stripVTControlCharacters(readFileSync(logFile, 'utf8')).trimEnd().split('\n');
    console.error(lines.slice(-40).join('\n'));
    process.exit(1);
  });
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\ndemo: stopping');
    backend.kill('SIGTERM');
    setTimeout(() => backend.kill('SIGKILL'), 10_000).unref();
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET `path` as JSON; undefined while the backend cannot answer it yet (connection refused, 404, 503 …). */
async function getJson(path, token) {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** The guest's Backstage token, exactly as the app gets it when you click "Enter" on the sign-in page. */
async function guestToken() {
  const session = await getJson('/api/auth/guest/refresh?optional&env=development');
  return session?.backstageIdentity?.token;
}

/**
 * Resolves with the overview entries once every catalog entity annotated with shiftdown.dev/manifests
 * has a scorecard, and that set has not changed between two polls (the catalog ingests in batches).
 */
async function waitForScorecards() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let previous = '';
  while (Date.now() < deadline) {
    await sleep(1000);
    const token = await guestToken();
    if (!token) continue;
    const annotated = await getJson(
      `/api/catalog/entities/by-query?filter=metadata.annotations.${MANIFESTS_ANNOTATION}&fields=kind,metadata.namespace,metadata.name&limit=500`,
      token,
    );
    const overview = await getJson('/api/shiftdown/overview?sort=score&order=desc', token);
    if (!annotated?.items?.length || !overview?.items) continue;
    const refs = annotated.items
      .map((e) => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase())
      .sort();
    const scored = new Set(overview.items.map((item) => item.entityRef.toLowerCase()));
    const key = refs.join(',');
    if (refs.every((ref) => scored.has(ref)) && key === previous) return overview.items;
    previous = key;
  }
  return undefined;
}

const startedAt = Date.now();
const entries = await waitForScorecards();
const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
if (!entries) {
  console.warn(
    `demo: the scorecards were not all computed within ${READY_TIMEOUT_MS / 1000} s; the app is up, see ${logFile}`,
  );
} else {
  console.log(`demo: ${entries.length} scorecards computed in ${seconds} s\n`);
  for (const entry of entries) {
    console.log(`  ${entry.name.padEnd(24)} ${String(entry.grade).padEnd(3)} ${String(entry.score).padStart(3)}/100`);
  }
}
const securityTab = (entry) => `${baseUrl}/catalog/${entry.namespace}/${entry.kind.toLowerCase()}/${entry.name}/security`;
const best = entries?.[0];
const worst = entries?.at(-1);
const links = [
  ['Catalog', `${baseUrl}/catalog`],
  ...(best ? [[`Security tab, ${best.name}`, securityTab(best)]] : []),
  ...(worst && worst !== best ? [[`Security tab, ${worst.name}`, securityTab(worst)]] : []),
  ['Scorecards overview', `${baseUrl}/shiftdown`],
  ['Golden-path templates', `${baseUrl}/create`],
];
const width = Math.max(...links.map(([label]) => label.length)) + 1;
console.log(`\nOpen ${baseUrl} and sign in as a guest ("Enter"):`);
for (const [label, url] of links) console.log(`  ${`${label}:`.padEnd(width)} ${url}`);
console.log('\nPress Ctrl-C to stop.');
