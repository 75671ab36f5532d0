import type { RunContext } from '../types.js';

export type Env = Readonly<Record<string, string | undefined>>;

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

interface RepoRef {
  full_name?: string;
}
interface PullRequestPayload {
  number?: number;
  head?: { sha?: string; repo?: RepoRef | null };
  base?: { sha?: string; ref?: string; repo?: RepoRef | null };
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: run Shiftdown as a step of a GitHub Actions job`);
  return value;
}

/**
 * The run's context from the runner's environment and, for pull request events, the event payload
 * (read through `readEventFile` from GITHUB_EVENT_PATH).
 */
export async function readRunContext(
  env: Env,
  readEventFile: (path: string) => Promise<string>,
): Promise<RunContext> {
  const eventName = required(env, 'GITHUB_EVENT_NAME');
  const [owner, repo, ...rest] = required(env, 'GITHUB_REPOSITORY').split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new Error(`GITHUB_REPOSITORY must be "owner/repo", got "${env.GITHUB_REPOSITORY}"`);
  }
  const context: RunContext = {
    eventName,
    owner,
    repo,
    sha: required(env, 'GITHUB_SHA'),
    workspace: required(env, 'GITHUB_WORKSPACE'),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
  };
  if (env.GITHUB_RUN_ID) context.runId = env.GITHUB_RUN_ID;
  if (!PULL_REQUEST_EVENTS.includes(eventName)) return context;

  const eventPath = required(env, 'GITHUB_EVENT_PATH');
  let payload: { pull_request?: PullRequestPayload };
  try {
    payload = JSON.parse(await readEventFile(eventPath)) as { pull_request?: PullRequestPayload };
  } catch (error) {
    throw new Error(`cannot read the ${eventName} event payload ${eventPath}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const pr = payload.pull_request;
  const number = pr?.number;
  const headSha = pr?.head?.sha;
  const baseSha = pr?.base?.sha;
  const baseRef = pr?.base?.ref;
  if (typeof number !== 'number' || !headSha || !baseSha || baseRef === undefined) {
    throw new Error(
      `the ${eventName} event payload ${eventPath} has no pull_request number, head/base sha and base ref`,
    );
  }
  // A deleted head repository (null) is a fork that no longer exists: treat the token as read-only too.
  const fromFork = pr.head?.repo?.full_name !== pr.base?.repo?.full_name || !pr.head?.repo;
  context.sha = headSha;
  context.pullRequest = { number, headSha, baseSha, baseRef, fromFork };
  return context;
}
