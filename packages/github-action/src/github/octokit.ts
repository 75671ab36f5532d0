/**
 * The Action's Octokit: @octokit/core with the retry plugin (5xx and network errors) and the throttling
 * plugin (primary and secondary rate limits), both retrying at most `retries` times.
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

const ShiftdownOctokit = Octokit.plugin(retry, throttling);

export type ShiftdownOctokitInstance = InstanceType<typeof ShiftdownOctokit>;

export interface CreateOctokitOptions {
  token: string;
  /** GITHUB_API_URL, e.g. `https://api.github.com`. */
  apiUrl: string;
  /** Default: the global fetch, looked up at each request (msw replaces it when its server starts). */
  fetch?: typeof globalThis.fetch;
  /** Retries after a 5xx, a network error or a rate limit (default 2). */
  retries?: number;
  /**
   * `waits: false` removes every wait (between writes, before retries): for tests. Default: waits on.
   * `retryBaseMs`: the retry plugin's unit (the n-th retry waits n² of it; default 1,000 ms, 0 without waits).
   */
  throttle?: { waits?: boolean; retryBaseMs?: number };
  /** Where rate-limit and retry notices go (default: nowhere). */
  log?: (message: string) => void;
}

/**
 * Pacing of the Action's writes: @octokit/plugin-throttling's `write` and `notifications` limiter groups.
 *
 * The plugin's default groups space every write 1 s apart and every notifying write (reviews, comments)
 * 3 s apart, from the first one on: right for a script creating hundreds of issues, but the Action makes
 * three to five writes per run, and pacing them costs 4 s of a 5 s run. GitHub asks for that pacing when
 * a client makes "a large number" of content-creating requests
 * (docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api), and enforces
 * secondary rate limits of 80 content-creating requests a minute. So a burst goes out at once and the
 * budget refills at the plugin's rate: 1 write a second, 1 notifying write every 3 s. Real rate-limit
 * responses are still retried by the plugin after GitHub's `retry-after`.
 */
export const WRITE_LIMITS = {
  maxConcurrent: 1,
  reservoir: 10,
  reservoirIncreaseAmount: 1,
  reservoirIncreaseInterval: 1000,
  reservoirIncreaseMaximum: 10,
} as const satisfies Bottleneck.ConstructorOptions;

export const NOTIFICATION_LIMITS = {
  maxConcurrent: 1,
  reservoir: 3,
  reservoirIncreaseAmount: 1,
  reservoirIncreaseInterval: 3000,
  reservoirIncreaseMaximum: 3,
} as const satisfies Bottleneck.ConstructorOptions;

/** The plugin's limiter groups: paced writes, or (`waits: false`, for tests) no limits at all. */
function limiterGroups(waits: boolean) {
  if (waits) {
    // Reads keep the plugin's defaults.
    return {
      write: new Bottleneck.Group(WRITE_LIMITS),
      notifications: new Bottleneck.Group(NOTIFICATION_LIMITS),
    };
  }
  const unlimited = () => new Bottleneck.Group();
  return { write: unlimited(), notifications: unlimited(), search: unlimited() };
}

export function createOctokit(options: CreateOctokitOptions): ShiftdownOctokitInstance {
  const retries = options.retries ?? 2;
  const waits = options.throttle?.waits ?? true;
  const log = options.log ?? (() => {});
  const fetch =
    options.fetch ?? ((...args: Parameters<typeof globalThis.fetch>) => globalThis.fetch(...args));

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount < retries) {
        log(
          `GitHub ${kind} hit on ${request.method} ${request.url}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries})`,
        );
        return true;
      }
      log(`GitHub ${kind} hit on ${request.method} ${request.url}: giving up after ${retries} retries`);
      return false;
    };

  const octokit = new ShiftdownOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: 'shiftdown-github-action',
    request: { fetch },
    // 429 and 403 rate limits are the throttling plugin's to retry (with GitHub's retry-after).
    retry: {
      retries,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      retryAfterBaseValue: options.throttle?.retryBaseMs ?? (waits ? 1000 : 0),
    },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      ...(waits ? {} : { retryAfterBaseValue: 0 }),
      ...limiterGroups(waits),
    },
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log(message),
      error: (message: string) => log(message),
    },
  });
  // Octokit merges a call's options over its defaults one level deep, so every request shares the
  // defaults' `request` object, and @octokit/plugin-retry keeps its `retryCount` there: a request retried
  // twice would leave 3 behind, and the next request's first retry would wait (3 + 1)² = 16 s instead of
  // 1 s. Each request gets its own copy (this hook is registered last, so it runs before the plugins').
  octokit.hook.before('request', (requestOptions) => {
    requestOptions.request = { ...requestOptions.request };
  });
  return octokit;
}
