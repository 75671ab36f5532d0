/**
 * Backstage scaffolder module: the `shiftdown:check` action, which gates a golden-path template's
 * rendered manifests on the Shiftdown policy core.
 */
import { scaffolderModuleShiftdown } from './module.js';

export default scaffolderModuleShiftdown;
export { scaffolderModuleShiftdown };
export { ACTION_ID, createShiftdownCheckAction } from './action.js';
export { runCheck } from './check.js';
export type { CheckOutputs, CheckRequest, CheckResult } from './check.js';
export type { CheckInput, FailOn, SchemaValidation } from './inputs.js';
export { DEFAULT_FAIL_ON, DEFAULT_PATH, DEFAULT_REPORT_PATH } from './inputs.js';
export { MAX_LISTED_VIOLATIONS } from './message.js';
