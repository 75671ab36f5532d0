export { parseInputs, InputError, DEFAULT_PATHS, REPORTER_NAMES } from './inputs.js';
export { readRunContext, type Env } from './context.js';
export { collectManifests, type ManifestFilter } from './collect.js';
export { loadBaseline, newFindings } from './baseline.js';
export { decideGate, type GateDecision } from './gate.js';
export { chooseReporters, type ReporterChoice } from './reporters.js';
export { nodeFiles, inWorkspace, isNotFound, type RunFiles, type DirEntry } from './files.js';
export {
  runAction,
  CONFIG_FILE,
  CHECK_NAME,
  type RunActionOptions,
  type RunActionResult,
  type DiffSource,
} from './run-action.js';
