import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * The parts of the Shiftdown backend's REST answers these tests read (the full types are in
 * @shiftdown/backstage-plugin-shiftdown-common, which this package does not depend on).
 */
export interface OverviewEntry {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  owner?: string;
  score: number;
  grade: string;
}
export interface ScorecardFinding {
  ruleId: string;
  title: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  sourceUrl?: string;
  suppressed?: { reason: string; source: string };
}
export interface Scorecard {
  entityRef: string;
  score: number;
  grade: string;
  counts: Record<string, number>;
  findings: ScorecardFinding[];
  suppressed: ScorecardFinding[];
  source: string;
  commitSha?: string;
  location?: string;
}

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const TEST_OUTPUT = join(REPO_ROOT, 'test', 'test-output');
const BACKEND_ENTRY = join(REPO_ROOT, 'examples', 'backstage', 'backend', 'dist', 'index.js');
const MANIFESTS_ANNOTATION = 'shiftdown.dev/manifests';

/** The five example services of examples/services, as catalog entity names. */
export const DEMO_SERVICES = [
  'payments-hardened',
  'catalog-typical',
  'node-agent-risky',
  'mcp-github-server',
  'gpu-training-job',
] as const;

export interface DemoBackend {
  baseUrl: string;
  logFile: string;
  /** The guest user's Backstage token (what the app gets from the guest sign-in). */
  token: string;
  /** The static token CI pushes reports with (`SHIFTDOWN_DEMO_PUSH_TOKEN`, random per run). */
  pushToken: string;
  /** GET / POST as the signed-in guest. */
  get<T>(path: string): Promise<{ status: number; body: T }>;
  post<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  /** Any request, with the given bearer token or none. */
  request<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * Starts the built demo backend (`node examples/backstage/backend/dist/index.js`, SQLite in memory) on
 * a free port as a child process, exactly as `scripts/demo.mjs` does, and resolves once it is healthy
 * and the guest can sign in. Its log goes to test-output/backstage-demo.log.
 */
export async function startDemoBackend(timeoutMs = 120_000): Promise<DemoBackend> {
  const port = await freePort();
  const pushToken = randomBytes(24).toString('hex');
  const baseUrl = `http://localhost:${port}`;
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const logFile = join(TEST_OUTPUT, 'backstage-demo.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [BACKEND_ENTRY], {
    cwd: REPO_ROOT,
    env: { ...process.env, SHIFTDOWN_DEMO_PORT: String(port), SHIFTDOWN_DEMO_PUSH_TOKEN: pushToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((resolveExit) =>
    child.on('exit', (code, signal) => {
      exited = signal ?? `exit code ${code}`;
      resolveExit();
    }),
  );
  const logTail = () => stripVTControlCharacters(readFileSync(logFile, 'utf8')).split('\n').slice(-30).join('\n');

  async function request<T>(method: string, path: string, token: string | undefined, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T };
  }

  const deadline = Date.now() + timeoutMs;
  let token: string | undefined;
  while (!token) {
    if (exited) throw new Error(`the demo backend stopped (${exited}) before it was ready:\n${logTail()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the demo backend was not ready within ${timeoutMs} ms:\n${logTail()}`);
    }
    await sleep(500);
    try {
      const health = await request('GET', '/.backstage/health/v1/readiness', undefined);
      if (health.status !== 200) continue;
      const session = await request<{ backstageIdentity?: { token?: string } }>(
        'GET',
        '/api/auth/guest/refresh?optional&env=development',
        undefined,
      );
      token = session.body.backstageIdentity?.token;
    } catch {
      // connection refused while starting
    }
  }
  const userToken = token;
  return {
    baseUrl,
    logFile,
    token: userToken,
    pushToken,
    request,
    get: (path) => request('GET', path, userToken),
    post: (path, body) => request('POST', path, userToken, body),
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exitedPromise;
        clearTimeout(killer);
      }
      log.end();
    },
  };
}

/**
 * Resolves with the overview once every catalog entity annotated with shiftdown.dev/manifests has a
 * scorecard and that set was the same on two polls in a row (the catalog ingests in batches).
 */
export async function waitForScorecards(demo: DemoBackend, timeoutMs = 120_000): Promise<OverviewEntry[]> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  let last = '';
  while (Date.now() < deadline) {
    await sleep(1000);
    const annotated = await demo.get<{ items?: Array<{ kind: string; metadata: { namespace?: string; name: string } }> }>(
      `/api/catalog/entities/by-query?filter=metadata.annotations.${MANIFESTS_ANNOTATION}&fields=kind,metadata.namespace,metadata.name&limit=500`,
    );
    const overview = await demo.get<{ items: OverviewEntry[] }>('/api/shiftdown/overview?limit=500');
    last = `catalog ${annotated.status}, overview ${overview.status}`;
    if (annotated.status !== 200 || overview.status !== 200 || !annotated.body.items?.length) continue;
    const refs = annotated.body.items
      .map((entity) => `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`.toLowerCase())
      .sort();
    const scored = new Set(overview.body.items.map((item) => item.entityRef.toLowerCase()));
    const key = refs.join(',');
    if (refs.every((ref) => scored.has(ref)) && key === previous) return overview.body.items;
    previous = key;
    last += `, ${scored.size}/${refs.length} scored`;
  }
  throw new Error(`the scorecards were not computed within ${timeoutMs} ms (last poll: ${last}); see ${demo.logFile}`);
}

export async function getScorecard(demo: DemoBackend, name: string): Promise<Scorecard> {
  const response = await demo.get<Scorecard>(`/api/shiftdown/scorecards/component/default/${name}`);
  if (response.status !== 200) {
    throw new Error(`GET scorecard of ${name}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}
