/**
 * Where scans run. Parsing and checking a large tree takes seconds of CPU; on the event loop that would
 * stall every request the backend serves meanwhile. By default scans run in a Piscina pool of worker
 * threads (`shiftdown.scanThreads`, default 1); 0 runs them on the main thread.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { LabelFilter } from './label-filter.js';
import type { ManifestFile } from './read-manifests.js';
import { RepositoryConfigError, scanFiles, type ScanFilesResult, type ScanSettings } from './scan-files.js';
import type { ScanTask, ScanTaskResult } from './scan-worker.js';

export interface ScanRunner {
  scan(
    files: ManifestFile[],
    settings: ScanSettings,
    options?: { labelFilter?: LabelFilter; today?: string },
  ): Promise<ScanFilesResult>;
  /** Stop the worker threads (backend shutdown). */
  close(): Promise<void>;
}

/**
 * The compiled worker module. Resolved from the package root, so that the same path works from the
 * compiled plugin (dist/scan) and from its sources under test (src/scan): a worker thread runs JavaScript.
 */
export const SCAN_WORKER_FILE = fileURLToPath(new URL('../../dist/scan/scan-worker.js', import.meta.url));

/** Only the scan's own settings cross to the worker (the plugin's settings hold schedules and more). */
function scanSettingsOf(settings: ScanSettings): ScanSettings {
  const { profile, pssVersion, kubernetesVersion, enforceSettings, schemaValidation } = settings;
  return {
    enforceSettings,
    schemaValidation,
    ...(profile !== undefined && { profile }),
    ...(pssVersion !== undefined && { pssVersion }),
    ...(kubernetesVersion !== undefined && { kubernetesVersion }),
  };
}

export function createScanRunner(options: { threads: number }): ScanRunner {
  if (options.threads === 0) {
    return {
      scan: async (files, settings, scanOptions = {}) => scanFiles(files, settings, scanOptions),
      close: async () => {},
    };
  }
  const pool = new Piscina<ScanTask, ScanTaskResult>({
    filename: SCAN_WORKER_FILE,
    minThreads: 0,
    maxThreads: options.threads,
    // Idle threads end after a minute: scheduled scans come every half hour or so.
    idleTimeout: 60_000,
  });
  return {
    async scan(files, settings, scanOptions = {}) {
      const outcome = await pool.run({
        files,
        settings: scanSettingsOf(settings),
        ...(scanOptions.labelFilter && { labelFilter: scanOptions.labelFilter.spec }),
        ...(scanOptions.today !== undefined && { today: scanOptions.today }),
      });
      if (outcome.type === 'config-error') throw new RepositoryConfigError(outcome.message);
      return outcome.result;
    },
    close: () => pool.destroy(),
  };
}
