/** @shiftdown/github-action — the Action's parts (the entry point is src/main.ts, bundled into bundle/index.mjs). */
export type * from './types.js';
export {
  DiffIndex,
  FILTER_MODES,
  changedFilesFromApi,
  normalizePath,
  parseGitDiff,
  parsePatch,
} from './diff/index.js';
export type { ApiFile, ChangeStatus, ChangedFile, CommentRange, Hunk, HunkLine } from './diff/index.js';
export * from './annotations/index.js';
export { createOctokit } from './github/octokit.js';
export { githubApi } from './github/api.js';
export * from './run/index.js';
