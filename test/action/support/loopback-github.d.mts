// Types of loopback-github.mjs (plain JavaScript, shared with the Action's benchmark).
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
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
  /** Milliseconds since the server started. */
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

export interface LoopbackOptions {
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
  /** Overrides the default answers. */
  respond?: Responder;
}

export interface LoopbackGitHub {
  /** The GITHUB_API_URL to give the Action. */
  url: string;
  requests: RecordedRequest[];
  problems: string[];
  /** `METHOD /path?query` of every request, in order. */
  lines(): string[];
  /** The recorded requests of one operation, in order. */
  of(operation: string): RecordedRequest[];
  close(): Promise<void>;
}

export const CHECK_RUN_ID: number;
export const REVIEW_ID: number;
export const NEW_COMMENT_ID: number;
export const FORBIDDEN: Reply;

export function mswMiddleware(
  list: () => readonly RequestHandler[],
): (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void;

export function startLoopbackGitHub(options: LoopbackOptions): Promise<LoopbackGitHub>;
