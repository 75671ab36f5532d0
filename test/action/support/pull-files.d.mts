// Types of pull-files.mjs (plain JavaScript, shared with the Action's benchmark).
import type { PullFile } from '../../../packages/github-action/test/github/github-handlers.mjs';

export interface PullFilesOptions {
  base: string;
  head: string;
  /** The repository the URLs name (default: the webhook examples' Codertocat/Hello-World). */
  owner?: string;
  repo?: string;
}

export function pullFiles(diff: string, options: PullFilesOptions): PullFile[];
