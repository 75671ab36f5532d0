/** The process surface `main` works against: injected, so tests can run the CLI in-process. */
export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Absolute working directory: relative paths and report paths are resolved against it. */
  cwd: string;
  /**
   * Called once before a scan of `LARGE_SCAN_DOCUMENTS` documents or more starts: the process may
   * then trade speed for memory (the bin tells V8 to optimise for size). Not set in-process (tests).
   */
  preferMemory?: () => void;
}

/** `shiftdown: warning: …` on stderr. */
export function warn(io: Pick<CliIO, 'stderr'>, message: string): void {
  io.stderr.write(`shiftdown: warning: ${message}\n`);
}

/** `shiftdown: error: …` on stderr, then any detail lines verbatim (e.g. `file:line:col: message`). */
export function printError(
  io: Pick<CliIO, 'stderr'>,
  message: string,
  details: readonly string[] = [],
): void {
  io.stderr.write(`shiftdown: error: ${message}\n`);
  for (const line of details) io.stderr.write(`${line}\n`);
}
