// Starts the built demo Backstage backend (examples/backstage/backend/dist) as a child process and waits for
// it: shared by `scripts/demo.mjs` and the end-to-end tests (test/backstage). Plain JavaScript without
// import.meta, so the tests' CommonJS transform loads it as is; callers pass the repository root.
/* global fetch, setTimeout, clearTimeout, AbortSignal */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const MANIFESTS_ANNOTATION = 'shiftdown.dev/manifests';
const READY_POLL_MS = 500;
const SCORECARDS_POLL_MS = 1000;
const POLL_REQUEST_TIMEOUT_MS = 10_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `SIGTERM` or `exit code 1`. */
export function describeExit({ code, signal }) {
  return signal ?? `exit code ${code}`;
}

/**
 * Spawns `node examples/backstage/backend/dist/index.js` in `root` on `port` (plus `env`), its output
 * going to `logFile`. Returns at once; `exited` resolves with `{ code, signal }` once the backend has
 * stopped and its log is complete.
 */
export function startDemoBackend({ root, port, env = {}, logFile }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(root, 'examples/backstage/backend/dist/index.js')], {
    cwd: root,
    env: { ...process.env, ...env, SHIFTDOWN_DEMO_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exit;
  // `close` comes after the output streams end: everything the backend wrote is in the log by then.
  const exited = new Promise((resolve) =>
    child.on('close', (code, signal) => {
      exit = { code, signal };
      log.end(() => resolve(exit));
    }),
  );
  return {
    baseUrl: `http://localhost:${port}`,
    logFile,
    child,
    exited,
    /** `{ code, signal }` once the backend has stopped, else undefined. */
    exitStatus: () => exit,
    /** The last `lines` lines of the log, without colours. */
    logTail: (lines = 30) =>
      stripVTControlCharacters(readFileSync(logFile, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n'),
    /** SIGTERM, SIGKILL after 10 s; resolves once the backend has stopped. */
    async stop() {
      if (!exit) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

/**
 * `method path` on the backend as a browser would send it (`X-Requested-With`), with a bearer `token` or
 * none; `body` is sent and the answer read as JSON (an answer that is not JSON is kept as text). Rejects
 * when the backend cannot be reached or does not answer within `timeoutMs` (default: no limit).
 */
export async function request(baseUrl, method, path, { token, body, timeoutMs } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/** A GET while waiting: something else on the port (or a stuck backend) must not stall the wait. */
function poll(baseUrl, path, token) {
  return request(baseUrl, 'GET', path, { token, timeoutMs: POLL_REQUEST_TIMEOUT_MS }).catch(() => ({
    status: 0,
    body: undefined,
  }));
}

/**
 * Waits until the backend is ready and resolves with the guest's Backstage token, exactly as the app gets
 * it when you click "Enter" on the sign-in page. Rejects, with the end of the log, when the backend stops
 * first or is not ready within `timeoutMs`.
 */
export async function guestToken(backend, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (backend.exitStatus()) {
      const exit = await backend.exited; // with the log complete
      throw new Error(
        `the demo backend stopped (${describeExit(exit)}) before it was ready:\n${backend.logTail()}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`the demo backend was not ready within ${timeoutMs / 1000} s; see ${backend.logFile}`);
    }
    await sleep(READY_POLL_MS);
    // Connection refused (status 0) while it starts.
    const health = await poll(backend.baseUrl, '/.backstage/health/v1/readiness');
    if (health.status !== 200) continue;
    const session = await poll(backend.baseUrl, '/api/auth/guest/refresh?optional&env=development');
    const token = session.body?.backstageIdentity?.token;
    if (token) return token;
  }
}

/**
 * Resolves with the overview entries (best score first) once every catalog entity annotated with
 * shiftdown.dev/manifests has a scorecard and that set was the same on two polls in a row (the catalog
 * ingests in batches). Rejects, saying what the last poll saw, after `timeoutMs`.
 */
export async function waitForScorecards(backend, token, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  let last = 'none';
  while (Date.now() < deadline) {
    await sleep(SCORECARDS_POLL_MS);
    const annotated = await poll(
      backend.baseUrl,
      `/api/catalog/entities/by-query?filter=metadata.annotations.${MANIFESTS_ANNOTATION}&fields=kind,metadata.namespace,metadata.name&limit=500`,
      token,
    );
    const overview = await poll(
      backend.baseUrl,
      '/api/shiftdown/overview?sort=score&order=desc&limit=500',
      token,
    );
    last = `catalog ${annotated.status}, overview ${overview.status}`;
    if (annotated.status !== 200 || overview.status !== 200 || !annotated.body.items?.length) continue;
    const refs = annotated.body.items
      .map((entity) =>
        `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`.toLowerCase(),
      )
      .sort();
    const scored = new Set(overview.body.items.map((item) => item.entityRef.toLowerCase()));
    const key = refs.join(',');
    if (refs.every((ref) => scored.has(ref)) && key === previous) return overview.body.items;
    previous = key;
    last += `, ${refs.filter((ref) => scored.has(ref)).length}/${refs.length} scored`;
  }
  throw new Error(
    `the scorecards were not all computed within ${timeoutMs / 1000} s (last poll: ${last}); see ${backend.logFile}`,
  );
}
