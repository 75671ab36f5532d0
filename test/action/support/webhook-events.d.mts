// Types of webhook-events.mjs (plain JavaScript, shared with the Action's benchmark).
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { PullRequestEvent, PushEvent } from '@octokit/webhooks-types';

export const REPOSITORY: string;
export const PR_NUMBER: number;

export interface PullRequestEventOptions {
  action: 'opened' | 'synchronize';
  headSha: string;
  baseSha: string;
  /** The head branch lives in a fork (another owner's copy of the repository). */
  fork?: boolean;
}

export function pullRequestEvent(
  definitions: readonly WebhookDefinition[],
  options: PullRequestEventOptions,
): PullRequestEvent;

export function pushEvent(
  definitions: readonly WebhookDefinition[],
  before: string,
  after: string,
): PushEvent;
