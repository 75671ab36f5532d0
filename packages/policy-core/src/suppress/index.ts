export { applySuppressions, NOT_COVERED_BY_WILDCARD } from './apply.js';
export type { ApplySuppressionsOptions, ApplySuppressionsResult, SuppressionItem } from './apply.js';
export {
  SUPPRESSION_PREFIX,
  NO_REASON,
  parseSuppressionKey,
  readSuppressionAnnotations,
  findMisspeltSuppressions,
} from './annotations.js';
export type { SuppressionAnnotation, MisspeltSuppression, AnnotationPlacement } from './annotations.js';
