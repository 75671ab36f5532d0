/** How a failed GitHub request becomes a message or a `ReporterOutcome`. */
import type { ReporterOutcome } from '../types.js';

interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/**
 * `422 Validation Failed: …`, or the error's message when no response came (network). Octokit appends
 * the response's `documentation_url` (` - https://docs.github.com/rest/…`) to the message: dropped, it
 * says nothing about this failure.
 */
export function describeError(error: unknown): string {
  if (isHttpError(error)) {
    return `${error.status} ${error.message.replace(/ - https:\/\/docs\.github\.com\/\S*$/, '')}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A 403 that is a rate limit the throttling plugin gave up on, not a missing permission. */
function isRateLimit(error: HttpError): boolean {
  return (
    /rate limit/i.test(error.message) || String(error.response?.headers?.['x-ratelimit-remaining']) === '0'
  );
}

/**
 * A write's failure: a 403 (read-only token: "Resource not accessible by integration") or a 404 (GitHub's
 * answer to a write the token may not see) is `forbidden`; anything else (422, 5xx after retries,
 * network) is `failed`.
 */
export function writeOutcome(what: string, error: unknown): ReporterOutcome {
  const reason = describeError(error);
  const message = `${what}: ${reason}`;
  if (isHttpError(error) && ((error.status === 403 && !isRateLimit(error)) || error.status === 404)) {
    return { status: 'forbidden', message, reason };
  }
  return { status: 'failed', message };
}
