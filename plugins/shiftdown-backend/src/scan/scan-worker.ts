/**
 * The scan worker thread's task (run by Piscina from `scan-runner.ts`): the files of one tree in, the
 * report out. Everything crosses the thread boundary as structured-clone data; a refused
 * `.shiftdown.yaml` comes back as a value, so that the main thread can tell it from a crash.
 */
import { labelFilterFromSpec, type LabelFilterSpec } from './label-filter.js';
import type { ManifestFile } from './read-manifests.js';
import { RepositoryConfigError, scanFiles, type ScanFilesResult, type ScanSettings } from './scan-files.js';

export interface ScanTask {
  files: ManifestFile[];
  settings: ScanSettings;
  labelFilter?: LabelFilterSpec;
  today?: string;
}

export type ScanTaskResult =
  { type: 'scanned'; result: ScanFilesResult } | { type: 'config-error'; message: string };

export default function runScanTask(task: ScanTask): ScanTaskResult {
  // Buffers arrive as plain Uint8Arrays: the core decodes either.
  const files = task.files.map((file) => ({ path: file.path, content: Buffer.from(file.content) }));
  try {
    const result = scanFiles(files, task.settings, {
      ...(task.labelFilter && { labelFilter: labelFilterFromSpec(task.labelFilter) }),
      ...(task.today !== undefined && { today: task.today }),
    });
    return { type: 'scanned', result };
  } catch (error) {
    if (error instanceof RepositoryConfigError) return { type: 'config-error', message: error.message };
    throw error;
  }
}
