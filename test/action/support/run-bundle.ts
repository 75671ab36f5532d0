/**
 * Runs the committed bundle the way the runner runs `uses: …/shiftdown@v1`: `node <action.yml runs.main>`
 * as a child process, with an INPUT_* variable for every input of action.yml (its default unless the
 * scenario sets it), the GITHUB_* variables, the event payload file, and fresh GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. Nothing of the developer's environment leaks in but PATH.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { actionDefinition, prepareRunner, runnerEnv } from './action-runner.mjs';
import { REPO_ROOT } from './git-repo.js';
import { PR_NUMBER, REPOSITORY } from './webhooks.js';

export const TOKEN = 'ghs_e2eTestToken0000000000000000000000';

export const ACTION_YML = join(REPO_ROOT, 'action.yml');

/**
 * The inputs and their defaults as the runner passes them (`${{ github.token }}` as the job's token), and
 * `runs.main`, resolved, from action.yml.
 */
export function readActionYml(text = readFileSync(ACTION_YML, 'utf8')): {
  main: string;
  inputs: Record<string, string>;
} {
  const { main, inputs } = actionDefinition(text, TOKEN);
  return { main: join(REPO_ROOT, main), inputs };
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every stdout line that is a workflow command (`::…`), in order. */
  commands: string[];
  /** The `::error/warning/notice file=…` annotations among them. */
  annotations: string[];
  /** stdout lines that are not workflow commands (core.info). */
  log: string[];
  outputs: Record<string, string>;
  summary: string;
  /** The run's files in the workspace, by input name (absent when not written). */
  sarif?: SarifLog;
  report?: JsonReport;
}

export interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: unknown[];
}
export interface SarifLog {
  version: string;
  runs: { results: SarifResult[]; tool: { driver: { name: string } } }[];
}
export interface ReportFinding {
  ruleId: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
  suppressed?: { reason: string };
  fix?: { description: string; replacement?: string };
}
export interface JsonReport {
  findings: ReportFinding[];
  summary: { score: number; grade: string };
  rules: { id: string; title: string; helpUri?: string; remediation?: string }[];
  files: { path: string; documents: number }[];
}

/** `name<<delimiter … delimiter` blocks of a GITHUB_OUTPUT file. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[match[1]!] = match[3]!;
  return out;
}

export interface RunOptions {
  /** The scenario's temp dir (the runner's files go to `<dir>/runner`). */
  dir: string;
  workspace: string;
  eventName: 'pull_request' | 'push';
  event: unknown;
  /** GITHUB_SHA: the merge commit for pull_request events, the pushed commit for push. */
  sha: string;
  apiUrl: string;
  /** Inputs set by the workflow's `with:` (names as in action.yml). */
  with?: Record<string, string>;
  /** Hard limit for the child (default 60 s). */
  timeoutMs?: number;
}

export function runAction(options: RunOptions): Promise<ActionRun> {
  const { main, inputs } = readActionYml();
  const runner = join(options.dir, 'runner');
  const files = prepareRunner(runner, options.event);
  const values = { ...inputs, ...options.with };
  // A file left by an earlier run in the same workspace must not pass for this run's.
  for (const input of ['sarif-file', 'report-file']) {
    if (values[input]) rmSync(join(options.workspace, values[input]), { force: true });
  }
  const env = runnerEnv({
    runner,
    files,
    eventName: options.eventName,
    repository: REPOSITORY,
    sha: options.sha,
    ref: options.eventName === 'push' ? 'refs/heads/main' : `refs/pull/${PR_NUMBER}/merge`,
    workspace: options.workspace,
    apiUrl: options.apiUrl,
    inputs: values,
  });

  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [main],
      { cwd: options.workspace, env, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`the bundle did not run: ${error.message}\n${stderr}`));
          return;
        }
        const lines = stdout.split('\n').filter((line) => line !== '');
        const commands = lines.filter((line) => line.startsWith('::'));
        const read = <T>(input: string): T | undefined => {
          const path = join(options.workspace, values[input] ?? '');
          return values[input] && existsSync(path)
            ? (JSON.parse(readFileSync(path, 'utf8')) as T)
            : undefined;
        };
        const run: ActionRun = {
          code: error ? Number(error.code) : 0,
          stdout,
          stderr,
          commands,
          annotations: commands.filter((line) => /^::(error|warning|notice) file=/.test(line)),
          log: lines.filter((line) => !line.startsWith('::')),
          outputs: parseOutputs(readFileSync(files.output, 'utf8')),
          summary: readFileSync(files.summary, 'utf8'),
        };
        const sarif = read<SarifLog>('sarif-file');
        const report = read<JsonReport>('report-file');
        if (sarif) run.sarif = sarif;
        if (report) run.report = report;
        resolve(run);
      },
    );
  });
}
