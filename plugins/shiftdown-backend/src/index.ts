/**
 * @shiftdown/backstage-plugin-shiftdown-backend — per-service Kubernetes security scorecards for
 * Backstage. The default export is the backend plugin; the rest is for tests, benchmarks and
 * custom wiring.
 */
import { shiftdownPlugin } from './plugin.js';

export default shiftdownPlugin;
export { shiftdownPlugin, SCAN_TASK_ID } from './plugin.js';
export { readSettings, parseByteSize, DEFAULT_SETTINGS, ShiftdownConfigError } from './config.js';
export type { ShiftdownSettings, SchemaValidationSetting } from './config.js';
export { ScorecardStore, gradeRank } from './database/ScorecardStore.js';
export type { ScanState, ScanStateInput, ScorecardSummary } from './database/ScorecardStore.js';
export { serialiseScorecard } from './database/serialised-scorecard.js';
export type { ScorecardColumns, SerialisedScorecard } from './database/serialised-scorecard.js';
export { migrateDatabase, TABLES, MIGRATIONS_TABLE } from './database/migrations.js';
export { createRouter, HISTORY_DEFAULT_LIMIT } from './router/router.js';
export type { RouterOptions } from './router/router.js';
export {
  parseOverviewQuery,
  buildOverview,
  OVERVIEW_DEFAULT_LIMIT,
  OVERVIEW_MAX_LIMIT,
  TREND_POINTS,
} from './router/overview.js';
export { ManifestScanner, ScanFailedError } from './scan/scanner.js';
export type { EntityScanOutcome, PullSummary, ScannerOptions } from './scan/scanner.js';
export { createScanRunner } from './scan/scan-runner.js';
export type { ScanOutcome, ScanRunner, ScanRunnerOptions } from './scan/scan-runner.js';
export { manifestsCandidates, ManifestsLocationError } from './scan/locate.js';
export type { ManifestsCandidate } from './scan/locate.js';
export { readManifests } from './scan/read-manifests.js';
export { scanFiles, settingsHash, RepositoryConfigError } from './scan/scan-files.js';
export { parseLabelSelector, kubernetesIdFilter } from './scan/label-filter.js';
export { scorecardFromReport } from './scorecard/from-report.js';
export { pulledSourceLinker, pushedSourceLinker, normaliseRepositoryUrl } from './scorecard/source-links.js';
export { ReportValidator } from './push/validate-report.js';
