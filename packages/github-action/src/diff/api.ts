import { newSideLines, parsePatch } from './patch.js';
import type { ChangeStatus, ChangedFile, Hunk } from './types.js';

/** The fields of a GitHub `pulls.listFiles` item this module reads. */
export interface ApiFile {
  filename: string;
  status: string;
  patch?: string | null;
  previous_filename?: string;
}

const STATUSES: readonly string[] = ['added', 'modified', 'removed', 'renamed', 'copied', 'changed'];

/**
 * ChangedFiles from `pulls.listFiles` items. GitHub omits `patch` for binary files and diffs too large
 * to show: such a file is known changed but has no hunks. A patch that does not parse is treated alike
 * rather than failing the run. Statuses GitHub may add later (e.g. `unchanged`) map to `changed`.
 */
export function changedFilesFromApi(files: readonly ApiFile[]): ChangedFile[] {
  return files.map((file) => {
    let hunks: Hunk[] | undefined;
    if (typeof file.patch === 'string') {
      try {
        hunks = parsePatch(file.patch);
      } catch {
        hunks = undefined;
      }
    }
    const status = (STATUSES.includes(file.status) ? file.status : 'changed') as ChangeStatus;
    return {
      path: file.filename,
      ...(file.previous_filename !== undefined && { previousPath: file.previous_filename }),
      status,
      ...(hunks && { hunks }),
      lines: newSideLines(hunks ?? []),
    };
  });
}
