/** @shiftdown/kubeconform — schema validation for Shiftdown: the kubeconform binary and an embedded, CRD-aware validator. */
export * from './runner/index.js';
export * from './embedded/index.js';
export { skippingKinds, withFallbackForMissing } from './compose.js';
export { crdsFromFiles, embeddedValidatorFor } from './project.js';
