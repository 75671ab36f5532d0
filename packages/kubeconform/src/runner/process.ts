import { spawn, type ChildProcess } from 'node:child_process';
import { KubeconformError, excerpt } from './errors.js';

export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the whole process tree and reject after this many milliseconds. */
  timeoutMs: number;
  /** The time limit the error message names (default `timeoutMs`; a caller's overall limit, when it shares one). */
  reportedTimeoutMs?: number;
}

export interface ProcessResult {
  stdout: string;
  stderr: string;
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
}

/**
 * Runs `binary args` without a shell, stdin closed (kubeconform reads stdin when it gets no file, and must
 * never wait for it), and collects its output. Rejects with a KubeconformError when the binary cannot be
 * started (ENOENT, EACCES) or runs past `timeoutMs`; every exit code and signal is the caller's to judge.
 */
export function runProcess(
  binary: string,
  args: readonly string[],
  options: ProcessOptions,
): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(binary, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        // Its own process group on POSIX, so a timeout can kill everything it started.
        detached: process.platform !== 'win32',
      });
    } catch (error) {
      reject(spawnError(binary, error));
      return;
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

    let settled = false;
    let timedOut = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, options.timeoutMs);

    child.once('error', (error) => settle(() => reject(spawnError(binary, error))));
    // After a timeout, 'exit' is enough: a surviving grandchild could keep the pipes (and 'close') open.
    child.once('exit', () => {
      if (!timedOut) return;
      child.stdout?.destroy();
      child.stderr?.destroy();
      const seconds = Math.round((options.reportedTimeoutMs ?? options.timeoutMs) / 100) / 10;
      const partial = excerpt(Buffer.concat(stderr).toString('utf8'));
      settle(() =>
        reject(
          new KubeconformError(
            `kubeconform did not finish within ${seconds} s and was stopped` +
              (partial ? ` (stderr: ${partial})` : '') +
              '.',
          ),
        ),
      );
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      if (timedOut) return;
      settle(() =>
        resolve({
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          code,
          signal,
          durationMs: performance.now() - started,
        }),
      );
    });
  });
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    const killer = spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], {
      stdio: 'ignore',
      windowsHide: true,
    });
    killer.on('error', () => child.kill('SIGKILL'));
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function spawnError(binary: string, error: unknown): KubeconformError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT')
    return new KubeconformError(`Cannot run kubeconform: "${binary}" does not exist (ENOENT).`, {
      cause: error,
    });
  if (code === 'EACCES') {
    return new KubeconformError(`Cannot run kubeconform: "${binary}" is not executable (EACCES).`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new KubeconformError(`Cannot run kubeconform "${binary}": ${message}.`, { cause: error });
}
