/**
 * Backstage scaffolder module: the `shiftdown:check` action, which gates a golden-path template's
 * rendered manifests on the Shiftdown policy core.
 */
import { scaffolderModuleShiftdown } from './module.js';

export default scaffolderModuleShiftdown;
export { scaffolderModuleShiftdown };
export { createShiftdownCheckAction } from './action.js';
