// Types of loopback-github.mjs (plain JavaScript, shared with the Action's benchmark).
import type { GitHubOptions, RecordedRequest } from './github-handlers.mjs';

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

export function startLoopbackGitHub(options: GitHubOptions): Promise<LoopbackGitHub>;
