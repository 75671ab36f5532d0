/** The kubeconform binary runner: find, run, parse, map back to resources, install. */
export { KubeconformError } from './errors.js';
export { findKubeconform, type FindKubeconformOptions } from './find.js';
export { kubeconformVersion, parseKubeconformVersion } from './version.js';
export {
  buildKubeconformArgs,
  normalizeKubernetesVersion,
  BASE_FLAGS,
  type KubeconformFlags,
} from './args.js';
export {
  parseKubeconformOutput,
  countStatuses,
  KUBECONFORM_STATUSES,
  type KubeconformOutput,
  type KubeconformResource,
  type KubeconformStatus,
  type KubeconformSummary,
  type KubeconformValidationError,
} from './output.js';
export type { KubeconformInput } from './stage.js';
export {
  runKubeconform,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_FILES_PER_RUN,
  type RunKubeconformOptions,
  type KubeconformRunResult,
} from './run.js';
export { pointerToPath } from '../json-pointer.js';
export { issuesFromResult, isYamlError, parseUnknownKeys, type UnknownKey } from './messages.js';
export { kubeconformValidator, type KubeconformRun, type KubeconformValidator } from './validator.js';
export {
  installKubeconform,
  kubeconformAsset,
  sha256File,
  type InstallKubeconformOptions,
} from './install.js';
export { KUBECONFORM_SHA256, DEFAULT_KUBECONFORM_VERSION } from './checksums.js';
