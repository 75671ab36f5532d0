/**
 * The Action's Octokit: @octokit/core with the retry plugin (5xx and network errors) and the throttling
 * plugin (primary and secondary rate limits), both retrying at most `retries` times.
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { NOTIFICATION_PACING, WRITE_PACING, pacedGroup } from './pacing.js';

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

/** A limiter group that runs jobs at once: tests replace every group with this one. */
const immediateGroup = {
  key: () => ({
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve().then(() => job(...args)),
  }),
};

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

  // Writes: a short burst at once, then the plugin's spacing (see pacing.ts). Reads keep its defaults.
  const groups = waits
    ? { write: pacedGroup(WRITE_PACING), notifications: pacedGroup(NOTIFICATION_PACING) }
    : Object.fromEntries(
        ['global', 'auth', 'write', 'search', 'notifications'].map((name) => [name, immediateGroup]),
      );

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
      // The plugin types its groups as Bottleneck groups; it only calls `key(id).schedule(...)`.
      ...(groups as object),
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
