import type { Rule } from '../rule.js';
import scoreSchemaInvalid from './score-schema-invalid.js';
import scoreLiteralSecret from './score-literal-secret.js';
import scoreImageTagMutable from './score-image-tag-mutable.js';
import scoreImageNotPinnedByDigest from './score-image-not-pinned-by-digest.js';
import scoreMemoryLimitMissing from './score-memory-limit-missing.js';
import scoreCpuLimitMissing from './score-cpu-limit-missing.js';
import scoreFileModeWorldWritable from './score-file-mode-world-writable.js';
import scoreVolumeNotReadOnly from './score-volume-not-read-only.js';
import scoreProbeMetadataHost from './score-probe-metadata-host.js';
import scoreAdminPortExposed from './score-admin-port-exposed.js';
import scoreK8sOutputUnhardened from './score-k8s-output-unhardened.js';
import kroUserControlledSensitiveField from './kro-user-controlled-sensitive-field.js';
import kroUnrestrictedRbac from './kro-unrestricted-rbac.js';

/**
 * The platform rules, in documentation order: Score workload files, score-k8s output, Kro
 * ResourceGraphDefinitions and the kro controller. (`score-k8s-state-committed` is a file-level rule: see
 * rules/builtin.ts. Kro templates are also checked by every other rule: the model renders them as resources.)
 */
export const PLATFORM_RULES: readonly Rule[] = [
  scoreSchemaInvalid,
  scoreLiteralSecret,
  scoreImageTagMutable,
  scoreImageNotPinnedByDigest,
  scoreMemoryLimitMissing,
  scoreCpuLimitMissing,
  scoreFileModeWorldWritable,
  scoreVolumeNotReadOnly,
  scoreProbeMetadataHost,
  scoreAdminPortExposed,
  scoreK8sOutputUnhardened,
  kroUserControlledSensitiveField,
  kroUnrestrictedRbac,
];
