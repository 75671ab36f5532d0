/**
 * Pacing of the Action's writes, as a limiter group for @octokit/plugin-throttling (which calls
 * `key(id).schedule(options, job, ...args)` on its `write` and `notifications` groups before each write).
 *
 * The plugin's default groups space every write 1 s apart and every notifying write (reviews,
 * comments) 3 s apart, from the first one on: right for a script creating hundreds of issues, but the
 * Action makes three to five writes per run, and pacing them costs 4 s of a 5 s run. GitHub asks for
 * that pacing when a client makes "a large number" of content-creating requests
 * (docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api), and enforces
 * secondary rate limits of 80 content-creating requests a minute. So a short burst goes out at once and
 * later writes are spaced as the plugin would; real rate-limit responses are still retried by the
 * plugin after GitHub's `retry-after`.
 */

export interface PacingOptions {
  /** This many jobs start at once; each later one starts `spacingMs` after the one before it. */
  burst: number;
  spacingMs: number;
  /** For tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Limiter {
  schedule<T>(options: unknown, job: (...args: unknown[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
}

/** Burst first, then spaced: per GitHub's guidance for a few writes, and the plugin's spacing beyond. */
export const WRITE_PACING: Readonly<PacingOptions> = { burst: 10, spacingMs: 1000 };
export const NOTIFICATION_PACING: Readonly<PacingOptions> = { burst: 3, spacingMs: 3000 };

export function pacedGroup(options: PacingOptions): { key(id?: string): Limiter } {
  const limiters = new Map<string, Limiter>();
  return {
    key(id = '') {
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = pacedLimiter(options);
        limiters.set(id, limiter);
      }
      return limiter;
    },
  };
}

function pacedLimiter({ burst, spacingMs, now = Date.now, sleep = defaultSleep }: PacingOptions): Limiter {
  let started = 0;
  let lastStart = -Infinity;
  // Jobs past the burst wait their turn in order: each one's start is reserved before it waits.
  let queue: Promise<void> = Promise.resolve();
  return {
    schedule(_options, job, ...args) {
      if (started < burst) {
        started++;
        lastStart = now();
        return Promise.resolve().then(() => job(...args));
      }
      const turn = queue.then(async () => {
        const wait = lastStart + spacingMs - now();
        if (wait > 0) await sleep(wait);
        lastStart = now();
      });
      queue = turn;
      return turn.then(() => job(...args));
    },
  };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
