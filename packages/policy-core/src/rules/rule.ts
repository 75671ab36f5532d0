import type { Tenancy } from '../config/types.js';
import type { Fix, Path, PssVersion, RuleMeta, Severity } from '../types.js';
import type { Resource } from '../model/resource.js';
import type { ResourceIndex } from '../model/resource-index.js';
import type { ContainerView, Workload } from '../model/workload.js';
import type { SchemaValidator } from './validity/schema-validator.js';

/** Facts about the target environment that rules may depend on. */
export interface EvaluationSettings {
  /** Pod Security Standards policy version the PSS rules evaluate at. */
  pssVersion: PssVersion;
  /** Target Kubernetes minor version (e.g. 36), when known. */
  kubernetesVersion?: { major: number; minor: number };
  cloud?: 'aws' | 'azure' | 'gcp';
  /** Namespace name → tenancy (from config); see `tenancyOf` in rules/context.ts. */
  namespaceTenancy?: Readonly<Record<string, Tenancy>>;
  /** Registry/repository globs images may come from (undefined: any). */
  trustedRegistries?: readonly string[];
  /** RuntimeClass names that sandbox pods (undefined: the defaults in rules/context.ts). */
  sandboxRuntimeClasses?: readonly string[];
  /** Extra platform namespaces, added to the defaults in rules/context.ts. */
  systemNamespaces?: readonly string[];
  /** Schema validation for the `schema-*` rules (undefined: schema validation is off). */
  schemaValidator?: SchemaValidator;
}

export interface ReportDescriptor {
  message: string;
  /** Path of the offending field relative to the resource; the nearest existing parent is used when absent. */
  path: Path;
  container?: ContainerView;
  /** Overrides the rule's default severity for this finding (e.g. an escalated combination). */
  severity?: Severity;
  valueSource?: 'container' | 'pod' | 'default';
  fix?: Fix;
  /** Distinguishes several findings of one rule on one field (e.g. the capability name). */
  key?: string;
}

export interface RuleContext {
  readonly resource: Resource;
  readonly index: ResourceIndex;
  readonly settings: EvaluationSettings;
  report(descriptor: ReportDescriptor): void;
}

export interface WorkloadRuleContext extends RuleContext {
  readonly workload: Workload;
}

/** Which resources a rule looks at. The engine calls `check` only for matching resources. */
export type RuleMatch =
  | { workloads: true }
  | { kinds: readonly string[] }
  | { any: true };

interface RuleBase {
  meta: RuleMeta;
  /**
   * True when the rule reads other resources through `index` (ServiceAccounts, NetworkPolicies, …).
   * Such rules run after every document is read; the others run as each document is read, and see
   * only the resources read so far in `index`.
   */
  crossResource?: boolean;
  /** Whether the rule applies at all under these settings (e.g. a PSS check before its first version). */
  appliesTo?(settings: EvaluationSettings): boolean;
  /**
   * Whether the rule applies to one matched resource (e.g. only Pods that are a kube-apiserver).
   * Resources it declines are not evaluated, so they count neither for nor against the score.
   */
  appliesToResource?(resource: Resource): boolean;
}

export interface WorkloadRule extends RuleBase {
  match: { workloads: true };
  check(context: WorkloadRuleContext): void;
}

export interface ResourceRule extends RuleBase {
  match: { kinds: readonly string[] } | { any: true };
  check(context: RuleContext): void;
}

export type Rule = WorkloadRule | ResourceRule;

/** Helper for rule files: types the check function's context from `match`. */
export function defineRule(rule: WorkloadRule): WorkloadRule;
export function defineRule(rule: ResourceRule): ResourceRule;
export function defineRule(rule: Rule): Rule {
  return rule;
}
