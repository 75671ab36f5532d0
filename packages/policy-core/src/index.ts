/** @shiftdown/policy-core — the pure engine every Shiftdown surface calls. */
export * from './types.js';
export { atOrAbove, worseSeverity } from './severity.js';
export { gateFailures } from './gate.js';
export type { GatePolicy } from './gate.js';
export { scan, ScanOptionError, ruleSummary, TOOL_NAME, TOOL_VERSION } from './engine/scan.js';
export type { ScanOptions } from './engine/scan.js';
export { estimateDocuments } from './engine/run-rules.js';
export { evaluate, toFinding, fingerprint } from './engine/evaluate.js';
export { parseKubernetesVersion } from './engine/kubernetes-version.js';
export { parseFile } from './parse/parse-file.js';
export type { ParsedFile, ParsedDocument, DuplicateKey } from './parse/parse-file.js';
export { decodeBytes } from './parse/decode.js';
export { MANIFEST_EXTENSION, SKIPPED_DIRECTORIES } from './manifest-files.js';
export { classifyDocument } from './parse/classify.js';
export { DEFAULT_PARSE_LIMITS } from './parse/limits.js';
export type { ParseLimits } from './parse/limits.js';
export { buildResources, describeResource } from './model/resource.js';
export type { Resource } from './model/resource.js';
export { ResourceIndex } from './model/resource-index.js';
export { BUILTIN_WORKLOAD_KINDS, INHERITED_FIELDS } from './model/workload.js';
export type { Workload, WorkloadKind, ContainerView, EffectiveValue } from './model/workload.js';
export { formatPath } from './model/locate.js';
export { defineRule } from './rules/rule.js';
export type {
  Rule,
  WorkloadRule,
  ResourceRule,
  RuleContext,
  WorkloadRuleContext,
  EvaluationSettings,
  ReportDescriptor,
} from './rules/rule.js';
export { ALL_RULES, PROFILES, PROFILE_DESCRIPTIONS, selectRules, ruleCatalog } from './rules/registry.js';
export { BUILTIN_RULES, PARSE_ERROR } from './rules/builtin.js';
export { VALIDITY_RULES } from './rules/validity/index.js';
export type { SchemaIssue, SchemaValidator } from './rules/validity/schema-validator.js';
export { isBackstageEntity, isSchemaSubject } from './rules/validity/schema-validator.js';
export { PSS_RULES, pssRulesFor } from './rules/pss/index.js';
export { LATEST_PSS_MINOR, LATEST_PSS_VERSION, parsePssVersion, formatPssVersion } from './pss-version.js';
export * from './config/index.js';
export * from './suppress/index.js';
export * from './score/index.js';
export * from './report/index.js';
export { renderRuleDoc, renderRuleIndex } from './docs/rule-doc.js';
