// Types of github-handlers.mjs (plain JavaScript, shared with the Action's benchmark).
import type { RequestHandler } from 'msw';

export interface Operation {
  method: string;
  path: string;
  query: string[];
  requestBody: Record<string, unknown> | null;
}

export interface RecordedRequest {
  operation: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  /** The status the mock answered. */
  status: number;
  /** Milliseconds since the state was created. */
  at: number;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Answers a request; `count` is how many requests of the same operation arrived so far, this one
 * included. Undefined: the default answer.
 */
export type Responder = (request: RecordedRequest, count: number) => Reply | undefined;

/** A `pulls.listFiles` item as GitHub returns it. */
export interface PullFile {
  sha: string;
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
  patch?: string;
  previous_filename?: string;
}

export interface GitHubOptions {
  /** The operations served (the OpenAPI fixture's). */
  operations: Record<string, Operation>;
  /** Problems of a request body (none: valid). */
  validate?: (operation: string, body: unknown) => string[];
  /** What `pulls.listFiles` returns (paged by per_page/page with a Link header, as GitHub does). */
  files?: readonly PullFile[];
  /** The PR's review comments (`pulls.listReviewComments`). */
  reviewComments?: readonly { id: number; body: string }[];
  /** The PR's issue comments (`issues.listComments`). */
  issueComments?: readonly { id: number; body: string }[];
  /** Overrides the default answers; read at each request. */
  respond?: Responder;
}

export interface GitHubState {
  requests: RecordedRequest[];
  problems: string[];
  /** `Date.now()` when the state was created. */
  started: number;
}

/** Default answers: check run, review and new comment ids. */
export const CHECK_RUN_ID: number;
export const REVIEW_ID: number;
export const NEW_COMMENT_ID: number;
/** GitHub's answer to a write the token may not make. */
export const FORBIDDEN: Reply;

export function githubState(): GitHubState;
export function requestLine(request: RecordedRequest): string;
export function githubHandlers(origin: string, options: GitHubOptions, state: GitHubState): RequestHandler[];
