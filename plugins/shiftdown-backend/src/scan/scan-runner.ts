/**
 * Where scans run. Parsing and checking a large tree and building its scorecard take seconds of CPU; on
 * the event loop that would stall every request the backend serves meanwhile. By default scans run in a
 * Piscina pool of worker threads (`shiftdown.scanThreads`, default 1); 0 runs them on the main thread.
 * Both run the same task (`runScanTask`) with a registry built from the same `integrations:` data.
 */
import { fileURLToPath } from 'node:url';
import type { JsonValue } from '@backstage/config';
import { Piscina } from 'piscina';
import type { SerialisedScorecard } from '../database/serialised-scorecard.js';
import { integrationsFromData } from '../integrations.js';
import { RepositoryConfigError, type ScanSettings } from './scan-files.js';
import { runScanTask, type ScanTask, type ScanTaskResult, type ScanWorkerData } from './scan-worker.js';

/** A scanned tree's scorecard, or nothing to scan after the config's globs and the label filter. */
export type ScanOutcome = { type: 'scanned'; scorecard: SerialisedScorecard } | { type: 'no-files' };

export interface ScanRunner {
  /** Rejects with RepositoryConfigError for the repository's invalid `.shiftdown.yaml`. */
  scan(task: ScanTask): Promise<ScanOutcome>;
  /** Stop the worker threads (backend shutdown). */
  close(): Promise<void>;
}

export interface ScanRunnerOptions {
  /** Worker threads (0: scans run on the main thread). */
  threads: number;
  /** The app-config's `integrations:` section (`config.getOptional('integrations')`), for source links. */
  integrations?: JsonValue;
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

function outcomeOf(result: ScanTaskResult): ScanOutcome {
  if (result.type === 'config-error') throw new RepositoryConfigError(result.message);
  return result;
}

export function createScanRunner(options: ScanRunnerOptions): ScanRunner {
  if (options.threads === 0) {
    const integrations = integrationsFromData(options.integrations);
    return {
      scan: async (task) => outcomeOf(runScanTask(task, integrations)),
      close: async () => {},
    };
  }
  const workerData: ScanWorkerData = {
    ...(options.integrations !== undefined && { integrations: options.integrations }),
  };
  const pool = new Piscina<ScanTask, ScanTaskResult>({
    filename: SCAN_WORKER_FILE,
    workerData,
    minThreads: 0,
    maxThreads: options.threads,
    // Idle threads end after a minute: scheduled scans come every half hour or so.
    idleTimeout: 60_000,
  });
  return {
    scan: async (task) => outcomeOf(await pool.run({ ...task, settings: scanSettingsOf(task.settings) })),
    close: () => pool.destroy(),
  };
}
