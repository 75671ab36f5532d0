/** Exit codes: the CLI contract (docs/ARCHITECTURE "CLI"). */
export const EXIT_OK = 0;
/** Policy failure: a finding at or above --fail-on, a score below --min-score, or an unreadable input. */
export const EXIT_POLICY_FAILURE = 1;
/** Usage error: bad flag or value, missing path, invalid config. */
export const EXIT_USAGE = 2;

/** A problem with how the CLI was invoked; printed as `shiftdown: error: …` and exits 2. */
export class UsageError extends Error {
  /** Lines printed verbatim after the message (e.g. located config errors). */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'UsageError';
    this.details = details;
  }
}
