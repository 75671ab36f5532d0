/**
 * Real webhook payloads from @octokit/webhooks-examples, with only the fields a scenario needs patched:
 * the head/base commits (the scenario's git repository), and for a fork the head repository.
 */
import { readFileSync } from 'node:fs';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { PullRequestEvent, PushEvent } from '@octokit/webhooks-types';

// The package is its JSON file (`main`); read as data, whatever the module system.
const definitions = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8'),
) as WebhookDefinition[];

/** The repository of every example payload (GITHUB_REPOSITORY). */
export const REPOSITORY = 'Codertocat/Hello-World';
/** The pull request number of the example payloads. */
export const PR_NUMBER = 2;

function examples<T>(name: string): T[] {
  const definition = definitions.find((d) => d.name === name);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no ${name} examples`);
  return definition.examples as unknown as T[];
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface PullRequestEventOptions {
  action: 'opened' | 'synchronize';
  headSha: string;
  baseSha: string;
  /** The head branch lives in a fork (another owner's copy of the repository). */
  fork?: boolean;
}

export function pullRequestEvent(options: PullRequestEventOptions): PullRequestEvent {
  const example = examples<PullRequestEvent>('pull_request').find((e) => e.action === options.action);
  if (!example) throw new Error(`no pull_request.${options.action} example`);
  const event = clone(example);
  const pr = event.pull_request;
  if (pr.number !== PR_NUMBER || event.repository.full_name !== REPOSITORY) {
    throw new Error('the pull_request example changed: update PR_NUMBER/REPOSITORY');
  }
  pr.head.sha = options.headSha;
  pr.base.sha = options.baseSha;
  if ('before' in event && 'after' in event) {
    // synchronize: the push that updated the head branch.
    (event as { before: string; after: string }).before = options.baseSha;
    (event as { before: string; after: string }).after = options.headSha;
  }
  if (options.fork) {
    const repo = pr.head.repo!;
    repo.fork = true;
    repo.owner = { ...repo.owner, login: 'forker', id: repo.owner.id + 1 };
    repo.full_name = `forker/${repo.name}`;
    repo.id += 1;
    pr.head.label = `forker:${pr.head.ref}`;
    pr.head.user = repo.owner;
  }
  return event;
}

/** A push of `after` to refs/heads/main. */
export function pushEvent(before: string, after: string): PushEvent {
  const example = examples<PushEvent>('push').find((e) => e.ref.startsWith('refs/heads/') && e.head_commit);
  if (!example) throw new Error('no branch push example');
  const event = clone(example);
  event.ref = 'refs/heads/main';
  event.before = before;
  event.after = after;
  event.head_commit!.id = after;
  event.commits = event.commits.map((c) => ({ ...c, id: after }));
  return event;
}
