// How the runner runs `uses: …/shiftdown@v1`, as plain functions shared by the e2e suite (run-bundle.ts)
// and the Action's benchmark (packages/github-action/bench/action.mjs, plain node): action.yml's inputs
// and `runs.main`, the runner's files, and the child's environment. Typed by action-runner.d.mts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * action.yml's `runs.main` (as written, relative to the repository root) and every input with its default
 * as the runner passes it: a string (a `|` block keeps its final line break), '' without a default, and
 * `${{ github.token }}` replaced by `token`.
 */
export function actionDefinition(text, token) {
  const action = parse(text) ?? {};
  const main = action.runs?.main;
  if (typeof main !== 'string') throw new Error('action.yml has no runs.main');
  const inputs = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const value = input?.default == null ? '' : String(input.default);
    inputs[name] = value === '${{ github.token }}' ? token : value;
  }
  return { main, inputs };
}

/** The runner's files for one run under `runner`: the event payload, and empty output and summary files. */
export function prepareRunner(runner, event) {
  const files = {
    event: join(runner, 'event.json'),
    output: join(runner, 'output.txt'),
    summary: join(runner, 'summary.md'),
    temp: join(runner, 'temp'),
  };
  mkdirSync(files.temp, { recursive: true });
  writeFileSync(files.event, JSON.stringify(event, null, 2));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  return files;
}

/**
 * The environment the runner gives the Action's process: the GITHUB_* and RUNNER_* variables and an
 * INPUT_* variable per input. Nothing of the caller's environment leaks in but PATH.
 */
export function runnerEnv({ runner, files, eventName, repository, sha, ref, workspace, apiUrl, inputs }) {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_WORKSPACE: workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'shiftdown',
    GITHUB_ACTION: 'shiftdown',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}
