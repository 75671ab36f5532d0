#!/usr/bin/env node
// Starts the Shiftdown demo: the demo Backstage backend (examples/backstage/backend), which serves the
// demo app, the catalog of examples/services and their security scorecards. Builds nothing: run it after
// `pnpm build` (the root `start` script does both). Waits until every service's scorecard is computed,
// prints the scores and the URLs to open, and keeps running until Ctrl-C.
//
//   node scripts/demo.mjs [--port 7007]        (or SHIFTDOWN_DEMO_PORT)
//
// The backend's own log goes to a file (its path is printed); it is shown here only if the backend stops.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeExit, guestToken, startDemoBackend, waitForScorecards } from './demo-backend.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 180_000;

const { values: options } = parseArgs({
  options: { port: { type: 'string', default: process.env.SHIFTDOWN_DEMO_PORT || '7007' } },
});
const port = Number(options.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`demo: --port must be a TCP port number, got "${options.port}"`);
  process.exit(2);
}
for (const [file, what] of [
  ['examples/backstage/backend/dist/index.js', 'the demo backend'],
  ['examples/backstage/app/dist/index.html', 'the demo app'],
]) {
  if (!existsSync(join(root, file))) {
    console.error(
      `demo: ${what} is not built (${join(root, file)} is missing): run \`pnpm build\` first, or \`pnpm start\`.`,
    );
    process.exit(1);
  }
}

const backend = startDemoBackend({ root, port, logFile: join(tmpdir(), `shiftdown-demo-${port}.log`) });
const { baseUrl, logFile } = backend;
console.log(`demo: starting the Backstage backend on ${baseUrl} (log: ${logFile})`);

let stopping = false;
backend.exited.then((exit) => {
  // Ctrl-C in the terminal reaches the backend too: it may stop before our own SIGINT handler runs.
  if (stopping || exit.code === 0 || exit.signal === 'SIGINT' || exit.signal === 'SIGTERM') process.exit(0);
  console.error(`demo: the backend stopped (${describeExit(exit)}). The end of its log:`);
  console.error(backend.logTail(40));
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\ndemo: stopping');
    void backend.stop();
  });
}

const startedAt = Date.now();
let entries;
try {
  // One guest token for every poll: it is valid for an hour.
  const token = await guestToken(backend, { timeoutMs: READY_TIMEOUT_MS });
  entries = await waitForScorecards(backend, token, { timeoutMs: READY_TIMEOUT_MS });
} catch (error) {
  // A backend that stopped (or is stopping) is reported by the exit handler above, which ends the process.
  if (backend.exitStatus() || stopping) await backend.exited;
  console.warn(`demo: ${error.message}`);
}
if (entries) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`demo: ${entries.length} scorecards computed in ${seconds} s\n`);
  for (const entry of entries) {
    console.log(
      `  ${entry.name.padEnd(24)} ${String(entry.grade).padEnd(3)} ${String(entry.score).padStart(3)}/100`,
    );
  }
}
const securityTab = (entry) =>
  `${baseUrl}/catalog/${entry.namespace}/${entry.kind.toLowerCase()}/${entry.name}/security`;
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
