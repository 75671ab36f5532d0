/** Progress shows only on an interactive stderr and for runs big enough to notice (CI logs stay clean). */
export const PROGRESS_MIN_FILES = 100;

export function progressEnabled(stderrIsTTY: boolean | undefined, total: number): boolean {
  return stderrIsTTY === true && total > PROGRESS_MIN_FILES;
}

const CLEAR_LINE = '\r\u001b[2K';

/** A single updating line, `Scanning 120/650 files…`, cleared by `finish()`. */
export class ProgressLine {
  private lastWrite = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly total: number,
    private readonly enabled: boolean,
    /** Minimum milliseconds between redraws. */
    private readonly intervalMs = 80,
    private readonly now: () => number = Date.now,
  ) {}

  update(done: number): void {
    if (!this.enabled) return;
    const time = this.now();
    if (this.shown && done < this.total && time - this.lastWrite < this.intervalMs) return;
    this.lastWrite = time;
    this.shown = true;
    this.stream.write(`${CLEAR_LINE}Scanning ${done}/${this.total} files…`);
  }

  finish(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR_LINE);
    this.shown = false;
  }
}
