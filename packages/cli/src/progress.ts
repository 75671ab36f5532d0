/** Progress shows only on an interactive stderr and for runs big enough to notice (CI logs stay clean). */
export const PROGRESS_MIN_FILES = 100;

export function progressEnabled(stderrIsTTY: boolean | undefined, total: number): boolean {
  return stderrIsTTY === true && total > PROGRESS_MIN_FILES;
}

const CLEAR_LINE = '\r\u001b[2K';

/**
 * A single updating line, `Reading 120/650 files…` while files are read, then `Scanning 120/650 files…` while
 * they are parsed and checked; cleared by `finish()`.
 */
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

  private phase = '';

  update(done: number, phase: 'Reading' | 'Scanning' = 'Scanning'): void {
    if (!this.enabled) return;
    const time = this.now();
    const newPhase = phase !== this.phase;
    if (this.shown && !newPhase && done < this.total && time - this.lastWrite < this.intervalMs) return;
    this.phase = phase;
    this.lastWrite = time;
    this.shown = true;
    this.stream.write(`${CLEAR_LINE}${phase} ${done}/${this.total} files…`);
  }

  finish(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR_LINE);
    this.shown = false;
  }
}
