/**
 * A pull scan's task: the files of one tree in, the stored form of its scorecard out (the scan, the
 * scorecard with its source links, its JSON text). Piscina runs it in a worker thread (`scan-runner.ts`;
 * with `scanThreads: 0` it runs on the main thread), so the event loop only hands strings over and back.
 * Everything crosses the thread boundary as structured-clone data; a refused `.shiftdown.yaml` comes back
 * as a value, so that the main thread can tell it from a crash.
 */
import { workerData } from 'node:worker_threads';
import type { JsonValue } from '@backstage/config';
import type { InputFile } from '@shiftdown/policy-core';
import { serialiseScorecard, type SerialisedScorecard } from '../database/serialised-scorecard.js';
import { integrationsFromData, type ScmIntegrationRegistry } from '../integrations.js';
import { scorecardFromReport } from '../scorecard/from-report.js';
import { pulledSourceLinker } from '../scorecard/source-links.js';
import type { LabelFilterSpec } from './label-filter.js';
import { RepositoryConfigError, scanFiles, type ScanSettings } from './scan-files.js';

export interface ScanTask {
  files: InputFile[];
  settings: ScanSettings;
  labelFilter?: LabelFilterSpec;
  /** What the scorecard records; `location` (a tree or a file) is also the base of its source links. */
  scorecard: {
    entityRef: string;
    scannedAt: string;
    location: string;
    kind: 'tree' | 'file';
    commitSha?: string;
  };
  /** The date exemptions expire against (default: today). */
  today?: string;
}

export type ScanTaskResult =
  | { type: 'scanned'; scorecard: SerialisedScorecard }
  /** The config's globs and the label filter left no file to scan. */
  | { type: 'no-files' }
  | { type: 'config-error'; message: string };

/** What the pool's `workerData` holds. */
export interface ScanWorkerData {
  /** The app-config's `integrations:` section, for source links. */
  integrations?: JsonValue;
}

export function runScanTask(task: ScanTask, integrations: ScmIntegrationRegistry): ScanTaskResult {
  let report;
  try {
    report = scanFiles(task.files, task.settings, {
      ...(task.labelFilter && { labelFilter: task.labelFilter }),
      ...(task.today !== undefined && { today: task.today }),
    });
  } catch (error) {
    if (error instanceof RepositoryConfigError) return { type: 'config-error', message: error.message };
    throw error;
  }
  if (report.summary.files === 0) return { type: 'no-files' };
  const { kind, ...context } = task.scorecard;
  const scorecard = scorecardFromReport(report, {
    ...context,
    source: 'pull',
    linkSource: pulledSourceLinker(context.location, kind, integrations),
  });
  return { type: 'scanned', scorecard: serialiseScorecard(scorecard) };
}

/** This worker thread's registry, built once from the `integrations:` data the pool was given. */
let threadIntegrations: ScmIntegrationRegistry | undefined;

export default function runScanTaskInWorker(task: ScanTask): ScanTaskResult {
  threadIntegrations ??= integrationsFromData((workerData as ScanWorkerData | undefined)?.integrations);
  return runScanTask(task, threadIntegrations);
}
