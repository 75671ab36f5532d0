/**
 * The mocked GitHub API of the e2e suite: the Action package's msw handlers
 * (packages/github-action/test/github/github-handlers.mjs) on 127.0.0.1, serving the operations of the
 * OpenAPI fixture, every request body validated against the operation's schema from the real GitHub
 * OpenAPI description (objects closed, so a misspelt field fails too; see
 * packages/github-action/test/github-openapi.ts).
 */
import { OPERATIONS, bodyProblems } from '../../../packages/github-action/test/github-openapi.js';
import type { GitHubOptions } from '../../../packages/github-action/test/github/github-handlers.mjs';
import {
  startLoopbackGitHub,
  type LoopbackGitHub,
} from '../../../packages/github-action/test/github/loopback-github.mjs';

export {
  CHECK_RUN_ID,
  FORBIDDEN,
  NEW_COMMENT_ID,
  REVIEW_ID,
  type PullFile,
  type RecordedRequest,
  type Reply,
  type Responder,
} from '../../../packages/github-action/test/github/github-handlers.mjs';

export type MockGitHub = LoopbackGitHub;
export type MockGitHubOptions = Omit<GitHubOptions, 'operations' | 'validate'>;

export function startMockGitHub(options: MockGitHubOptions = {}): Promise<MockGitHub> {
  return startLoopbackGitHub({ ...options, operations: OPERATIONS, validate: bodyProblems });
}
