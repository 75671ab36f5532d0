export { parsePatch } from './patch.js';
export { parseGitDiff } from './git-diff.js';
export { changedFilesFromApi, type ApiFile } from './api.js';
export { DiffIndex, normalizePath, type CommentRange } from './diff-index.js';
export { CheckoutLineMap } from './line-map.js';
export {
  FILTER_MODES,
  type ChangeStatus,
  type ChangedFile,
  type FilterMode,
  type Hunk,
  type HunkLine,
} from './types.js';
