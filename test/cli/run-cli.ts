import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CLI_PACKAGE = join(REPO_ROOT, 'packages', 'cli');
export const CLI_BIN = join(CLI_PACKAGE, 'bin', 'shiftdown.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The test environment: no colour, nothing forced, whatever the developer's shell says. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.FORCE_COLOR;
  return env;
}

/** Run a Node.js script file as a real process, with optional stdin; resolves with the exit code and output. */
export function runNode(args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      process.execPath,
      args,
      { cwd: options.cwd, env: options.env ?? testEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 20000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`could not run node ${args.join(' ')}: ${error.message}\n${stderr}`));
          return;
        }
        resolvePromise({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** `shiftdown <args>` with the real built CLI. */
export function shiftdown(args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return runNode([CLI_BIN, ...args], options);
}

/** Fail early, with a useful message, when the workspace has not been built. */
export function assertBuilt(): void {
  const dist = join(CLI_PACKAGE, 'dist', 'index.js');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: build the workspace first (pnpm build)`);
}

/** A temporary directory with the given files (path → content). */
export function fixtureDir(files: Record<string, string>): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'shiftdown-e2e-'));
  for (const [path, text] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
