/**
 * One scenario: a git repository (base and head commits), the mocked GitHub API serving the PR's real
 * patch text, the event payload, and a run of the bundle. `cleanup()` closes and removes everything.
 */
import { pullRequestRepo, type Changes, type Files, type PullRequestRepo } from './git-repo.js';
import { startMockGitHub, type MockGitHub, type MockGitHubOptions } from './mock-github.js';
import { runAction, type ActionRun } from './run-bundle.js';
import { pullRequestEvent, pushEvent } from './webhooks.js';

export interface Scenario {
  repo: PullRequestRepo;
  github: MockGitHub;
  run: ActionRun;
}

export interface ScenarioOptions extends Omit<MockGitHubOptions, 'files'> {
  base: Files;
  changes: Changes;
  /** The workflow's `with:` inputs. */
  with?: Record<string, string>;
  /** pull_request (default) or push (of the head commit to main). */
  event?: 'pull_request' | 'push';
  action?: 'opened' | 'synchronize';
  fork?: boolean;
}

const open: (() => Promise<void>)[] = [];

/** Closes the mocked APIs and removes the repositories of the scenarios run so far. */
export async function cleanupScenarios(): Promise<void> {
  for (const close of open.splice(0)) await close();
}

export async function startScenario(options: ScenarioOptions): Promise<Omit<Scenario, 'run'>> {
  const repo = pullRequestRepo(options.base, options.changes);
  const github = await startMockGitHub({ ...options, files: repo.files });
  open.push(async () => {
    await github.close();
    repo.cleanup();
  });
  return { repo, github };
}

export interface RunInOptions extends Pick<ScenarioOptions, 'with' | 'event' | 'action' | 'fork'> {
  /** A checkout of the merge commit (git-repo.ts mergeCheckout) instead of the head commit's work tree. */
  checkout?: { root: string; mergeSha: string };
}

/** Runs the bundle once more in a started scenario's workspace. */
export function runIn({ repo, github }: Omit<Scenario, 'run'>, options: RunInOptions): Promise<ActionRun> {
  const push = options.event === 'push';
  return runAction({
    dir: repo.dir,
    workspace: options.checkout?.root ?? repo.root,
    eventName: push ? 'push' : 'pull_request',
    event: push
      ? pushEvent(repo.baseSha, repo.headSha)
      : pullRequestEvent({
          action: options.action ?? 'opened',
          headSha: repo.headSha,
          baseSha: repo.baseSha,
          ...(options.fork && { fork: true }),
        }),
    // A pull_request run checks out the merge commit; without `checkout`, the head commit stands in for it.
    sha: options.checkout?.mergeSha ?? repo.headSha,
    apiUrl: github.url,
    ...(options.with && { with: options.with }),
    timeoutMs: 90_000,
  });
}

export async function scenario(options: ScenarioOptions): Promise<Scenario> {
  const started = await startScenario(options);
  return { ...started, run: await runIn(started, options) };
}
