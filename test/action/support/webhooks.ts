/**
 * Real webhook payloads from @octokit/webhooks-examples, with only the fields a scenario needs patched:
 * the head/base commits (the scenario's git repository), and for a fork the head repository
 * (webhook-events.mjs, shared with the Action's benchmark).
 */
import { readFileSync } from 'node:fs';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { PullRequestEvent, PushEvent } from '@octokit/webhooks-types';
import * as events from './webhook-events.mjs';

export { PR_NUMBER, REPOSITORY, type PullRequestEventOptions } from './webhook-events.mjs';

// The package is its JSON file (`main`); read as data, whatever the module system.
const definitions = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8'),
) as WebhookDefinition[];

export function pullRequestEvent(options: events.PullRequestEventOptions): PullRequestEvent {
  return events.pullRequestEvent(definitions, options);
}

/** A push of `after` to refs/heads/main. */
export function pushEvent(before: string, after: string): PushEvent {
  return events.pushEvent(definitions, before, after);
}
