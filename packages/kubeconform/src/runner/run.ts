import * as fs from 'node:fs';
import { buildKubeconformArgs, type KubeconformFlags } from './args.js';
import { KubeconformError, excerpt } from './errors.js';
import { findKubeconform } from './find.js';
import {
  parseKubeconformOutput,
  type KubeconformOutput,
  type KubeconformResource,
  type KubeconformSummary,
} from './output.js';
import { runProcess, type ProcessResult } from './process.js';
import { chunkFiles, stageInputs, type KubeconformInput } from './stage.js';
import { kubeconformVersion } from './version.js';

export interface RunKubeconformOptions extends KubeconformFlags {
  inputs: readonly KubeconformInput[];
  /** The binary (default: `findKubeconform({ env })`; an error when there is none). */
  binary?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** For the whole call, all runs together (default 120 s); the process tree is killed when it passes. */
  timeoutMs?: number;
  /** Files per kubeconform run (default 500). */
  maxFilesPerRun?: number;
  /** Characters of file arguments per run (default 24,000 on Windows, whose limit is 32,767; 200,000 elsewhere). */
  maxArgumentChars?: number;
}

/** kubeconform's verdicts over the inputs, with `filename` mapped back to each input's scan path. */
export interface KubeconformRunResult {
  /** e.g. `v0.6.7`, when the binary reports one. */
  version?: string;
  binary: string;
  resources: KubeconformResource[];
  summary: KubeconformSummary;
  /** The highest exit code of the runs: 0 when nothing was invalid or errored, 1 otherwise. */
  exitCode: number;
  stderr: string;
  durationMs: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_FILES_PER_RUN = 500;

/**
 * Runs kubeconform (no shell) over the inputs with `-output json -summary -strict -verbose` and the
 * pass-through flags, in as many runs as the command-line limit needs, and merges the results.
 * Every failure — no binary, a binary that cannot start, a crash, a timeout, a bad flag, output that is not
 * kubeconform's JSON — is a KubeconformError with a clear message.
 */
export async function runKubeconform(options: RunKubeconformOptions): Promise<KubeconformRunResult> {
  const started = performance.now();
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  if (!fs.existsSync(cwd))
    throw new KubeconformError(`Cannot run kubeconform in "${cwd}": the directory does not exist.`);
  const binary = options.binary ?? findKubeconform({ env });
  if (binary === undefined) {
    throw new KubeconformError(
      'kubeconform was not found: install it, put it on PATH or set KUBECONFORM_PATH.',
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = started + timeoutMs;
  // Validate the flags before anything is started or written.
  buildKubeconformArgs(options, []);

  const version = await kubeconformVersion(binary, { env, timeoutMs: Math.min(10_000, timeoutMs) });
  const staged = await stageInputs(options.inputs, cwd);
  const result: KubeconformRunResult = {
    ...(version !== undefined && { version }),
    binary,
    resources: [],
    summary: { valid: 0, invalid: 0, errors: 0, skipped: 0 },
    exitCode: 0,
    stderr: '',
    durationMs: 0,
  };
  try {
    const maxChars = options.maxArgumentChars ?? (process.platform === 'win32' ? 24_000 : 200_000);
    const chunks = chunkFiles(staged.files, options.maxFilesPerRun ?? DEFAULT_MAX_FILES_PER_RUN, maxChars);
    for (const files of chunks) {
      const remaining = Math.max(1, deadline - performance.now());
      const run = await runProcess(binary, buildKubeconformArgs(options, files), {
        cwd,
        env,
        timeoutMs: remaining,
        reportedTimeoutMs: timeoutMs,
      });
      const output = interpret(run);
      for (const resource of output.resources) {
        result.resources.push({ ...resource, filename: staged.scanPath(resource.filename) });
      }
      result.summary.valid += output.summary.valid;
      result.summary.invalid += output.summary.invalid;
      result.summary.errors += output.summary.errors;
      result.summary.skipped += output.summary.skipped;
      result.exitCode = Math.max(result.exitCode, run.code ?? 0);
      if (run.stderr !== '') result.stderr += run.stderr;
    }
  } finally {
    await staged.cleanup();
  }
  result.durationMs = performance.now() - started;
  return result;
}

/** kubeconform exits 0 (all valid) or 1 (something invalid or errored, or a usage error) with JSON on stdout. */
function interpret(run: ProcessResult): KubeconformOutput {
  const stderr = excerpt(run.stderr);
  if (run.signal !== null) {
    throw new KubeconformError(
      `kubeconform was killed by signal ${run.signal}` + (stderr ? ` (stderr: ${stderr})` : '') + '.',
    );
  }
  if (run.code !== 0 && run.code !== 1) {
    throw new KubeconformError(
      `kubeconform exited with code ${run.code}` +
        (stderr ? `: ${stderr}` : ` (stdout: ${JSON.stringify(excerpt(run.stdout))})`),
    );
  }
  try {
    return parseKubeconformOutput(run.stdout);
  } catch (error) {
    // Exit 1 without JSON is kubeconform refusing to run (e.g. a bad flag): its reason is on stderr.
    if (run.code === 1 && stderr !== '') {
      throw new KubeconformError(`kubeconform failed (exit code 1): ${stderr}`, { cause: error });
    }
    throw error;
  }
}
