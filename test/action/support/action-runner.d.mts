// Types of action-runner.mjs (plain JavaScript, shared with the Action's benchmark).

export interface ActionDefinition {
  /** `runs.main`, relative to the repository root. */
  main: string;
  /** Input name → the value the runner passes when the workflow does not set it. */
  inputs: Record<string, string>;
}

export function actionDefinition(text: string, token: string): ActionDefinition;

export interface RunnerFiles {
  event: string;
  output: string;
  summary: string;
  temp: string;
}

export function prepareRunner(runner: string, event: unknown): RunnerFiles;

export interface RunnerEnvOptions {
  /** The runner's directory (HOME). */
  runner: string;
  files: RunnerFiles;
  eventName: string;
  /** `owner/name`. */
  repository: string;
  sha: string;
  ref: string;
  workspace: string;
  apiUrl: string;
  /** Input name → value (names as in action.yml). */
  inputs: Record<string, string>;
}

export function runnerEnv(options: RunnerEnvOptions): Record<string, string>;
