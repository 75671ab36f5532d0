import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { OverviewEntry, Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import {
  guestToken,
  request,
  startDemoBackend as spawnDemoBackend,
  waitForScorecards as waitForDemoScorecards,
} from '../../scripts/demo-backend.mjs';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const TEST_OUTPUT = join(REPO_ROOT, 'test', 'test-output');

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
  request<T>(
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
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
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the built demo backend (`node examples/backstage/backend/dist/index.js`, SQLite in memory) on
 * a free port as a child process, as `scripts/demo.mjs` does (the same launcher), and resolves once it is
 * healthy and the guest can sign in. Its log goes to test-output/backstage-demo.log.
 */
export async function startDemoBackend(timeoutMs = 120_000): Promise<DemoBackend> {
  const pushToken = randomBytes(24).toString('hex');
  const backend = spawnDemoBackend({
    root: REPO_ROOT,
    port: await freePort(),
    env: { SHIFTDOWN_DEMO_PUSH_TOKEN: pushToken },
    logFile: join(TEST_OUTPUT, 'backstage-demo.log'),
  });
  let token: string;
  try {
    token = await guestToken(backend, { timeoutMs });
  } catch (error) {
    await backend.stop();
    throw error;
  }
  const send = <T>(method: string, path: string, bearer: string | undefined, body?: unknown) =>
    request<T>(backend.baseUrl, method, path, { token: bearer, body });
  return {
    baseUrl: backend.baseUrl,
    logFile: backend.logFile,
    token,
    pushToken,
    request: send,
    get: (path) => send('GET', path, token),
    post: (path, body) => send('POST', path, token, body),
    stop: () => backend.stop(),
  };
}

/**
 * Resolves with the overview once every catalog entity annotated with shiftdown.dev/manifests has a
 * scorecard and that set was the same on two polls in a row (the catalog ingests in batches).
 */
export function waitForScorecards(demo: DemoBackend, timeoutMs = 120_000): Promise<OverviewEntry[]> {
  return waitForDemoScorecards<OverviewEntry>(demo, demo.token, { timeoutMs });
}

export async function getScorecard(demo: DemoBackend, name: string): Promise<Scorecard> {
  const response = await demo.get<Scorecard>(`/api/shiftdown/scorecards/component/default/${name}`);
  if (response.status !== 200) {
    throw new Error(`GET scorecard of ${name}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}
