/**
 * The mocked GitHub REST API in process: the handlers of github-handlers.mjs (the operations of
 * test/fixtures/github-openapi.json) served by msw's setupServer. Every request body is validated against
 * the operation's schema from the real OpenAPI description (with objects closed, so a misspelt field fails
 * too), every request is recorded, and any request the handlers do not know is an error
 * (`onUnhandledRequest: 'error'`). `problems` must be empty at the end of each test.
 */
import { setupServer } from 'msw/node';
import { createOctokit } from '../../src/github/octokit.js';
import type { RunContext } from '../../src/types.js';
import { OPERATIONS, bodyProblems } from '../github-openapi.js';
import {
  githubHandlers,
  githubState,
  requestLine,
  type GitHubOptions,
  type Responder,
} from './github-handlers.mjs';

export { CHECK_RUN_ID, NEW_COMMENT_ID, REVIEW_ID, type Responder } from './github-handlers.mjs';

export const API = 'https://api.github.test';

export function mockGitHub() {
  const state = githubState();
  const options: GitHubOptions = { operations: OPERATIONS, validate: bodyProblems };
  const server = setupServer(...githubHandlers(API, options, state));
  server.events.on('request:unhandled', ({ request }) => {
    state.problems.push(`unhandled ${request.method} ${request.url}`);
  });

  return {
    server,
    requests: state.requests,
    problems: state.problems,
    /** Answers the next requests (undefined: the default answers). */
    respond(next: Responder) {
      options.respond = next;
    },
    /** `METHOD /path?query` lines with bodies, in order: what the exact-sequence assertions compare. */
    sequence() {
      return state.requests.map((r) => ({
        request: requestLine(r),
        ...(r.body === undefined ? {} : { body: r.body }),
      }));
    },
  };
}

export function testOctokit(log: string[] = []) {
  return createOctokit({
    token: 'test-token',
    apiUrl: API,
    throttle: { waits: false },
    log: (m) => log.push(m),
  });
}

export const pullRequestContext: RunContext = {
  eventName: 'pull_request',
  owner: 'octo-org',
  repo: 'manifests',
  sha: 'merge0000000000000000000000000000000000000',
  workspace: '/home/runner/work/manifests/manifests',
  serverUrl: 'https://github.com',
  apiUrl: API,
  pullRequest: {
    number: 12,
    headSha: 'head1111111111111111111111111111111111111',
    baseSha: 'base2222222222222222222222222222222222222',
    baseRef: 'main',
    fromFork: false,
  },
};

export const pushContext: RunContext = {
  eventName: 'push',
  owner: 'octo-org',
  repo: 'manifests',
  sha: 'push3333333333333333333333333333333333333',
  workspace: '/home/runner/work/manifests/manifests',
  serverUrl: 'https://github.com',
  apiUrl: API,
};
