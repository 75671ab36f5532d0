/**
 * Runs the committed bundle the way the runner runs `uses: …/shiftdown@v1`: `node <action.yml runs.main>`
 * as a child process, with an INPUT_* variable for every input of action.yml (its default unless the
 * scenario sets it), the GITHUB_* variables, the event payload file, and fresh GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. Nothing of the developer's environment leaks in but PATH.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './git-repo.js';
import { REPOSITORY } from './webhooks.js';

export const TOKEN = 'ghs_e2eTestToken0000000000000000000000';

/** action.yml's `runs.main`, resolved. */
export const ACTION_YML = join(REPO_ROOT, 'action.yml');

interface ActionDefinition {
  main: string;
  inputs: Record<string, string>;
}

/**
 * The inputs and their defaults, and `runs.main`, from action.yml. A small reader for the file's own
 * layout (two-space indents, `default: |` blocks): the runner passes a block's text with its final
 * line break, and `${{ github.token }}` as the job's token.
 */
export function readActionYml(text = readFileSync(ACTION_YML, 'utf8')): ActionDefinition {
  const lines = text.split('\n');
  const inputs: Record<string, string> = {};
  let section = '';
  let current: string | undefined;
  let main: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const top = /^(\w[\w-]*):/.exec(line);
    if (top) {
      section = top[1]!;
      current = undefined;
      continue;
    }
    if (section === 'runs') {
      const m = /^ {2}main: (.+)$/.exec(line);
      if (m) main = m[1]!.trim();
    }
    if (section !== 'inputs') continue;
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) {
      current = name[1]!;
      inputs[current] = '';
      continue;
    }
    const value = /^ {4}default: ?(.*)$/.exec(line);
    if (!value || current === undefined) continue;
    let text = value[1]!.trim();
    if (text === '|') {
      const block: string[] = [];
      while (lines[i + 1]?.startsWith('      ')) block.push(lines[++i]!.slice(6));
      text = `${block.join('\n')}\n`;
    } else if (/^'.*'$/.test(text)) {
      text = text.slice(1, -1);
    }
    inputs[current] = text === '${{ github.token }}' ? TOKEN : text;
  }
  if (!main) throw new Error('action.yml has no runs.main');
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
  mkdirSync(join(runner, 'temp'), { recursive: true });
  const paths = {
    event: join(runner, 'event.json'),
    output: join(runner, 'output.txt'),
    summary: join(runner, 'summary.md'),
  };
  writeFileSync(paths.event, JSON.stringify(options.event, null, 2));
  writeFileSync(paths.output, '');
  writeFileSync(paths.summary, '');

  const values = { ...inputs, ...options.with };
  // A file left by an earlier run in the same workspace must not pass for this run's.
  for (const input of ['sarif-file', 'report-file']) {
    if (values[input]) rmSync(join(options.workspace, values[input]), { force: true });
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: paths.event,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: REPOSITORY.split('/')[0]!,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.eventName === 'push' ? 'refs/heads/main' : 'refs/pull/2/merge',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'shiftdown',
    GITHUB_ACTION: 'shiftdown',
    GITHUB_OUTPUT: paths.output,
    GITHUB_STEP_SUMMARY: paths.summary,
    RUNNER_TEMP: join(runner, 'temp'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
  for (const [name, value] of Object.entries(values)) env[`INPUT_${name.toUpperCase()}`] = value;

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
          outputs: parseOutputs(readFileSync(paths.output, 'utf8')),
          summary: readFileSync(paths.summary, 'utf8'),
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
