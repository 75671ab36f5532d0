/** The embedded, CRD-aware schema validator (offline; the default when no kubeconform binary is found). */
export {
  createEmbeddedValidator,
  EMBEDDED_KUBERNETES_VERSION,
  EMBEDDED_VALIDATOR_NAME,
  type EmbeddedValidatorOptions,
} from './validator.js';
export { CRD_API_VERSION, CRD_KIND, isCrdObject, type JsonObject } from './crd/definitions.js';
