import type { CustomRuleConfig } from '../custom/custom-rules.js';
import type { ProfileName, Severity } from '../types.js';

export type RuleSetting = 'off' | Severity;

/** A config-file exemption: findings it matches are suppressed with its reason (until it expires). */
export interface Exemption {
  /** Rule ids (or `*` for every rule). */
  rules: string[];
  /** Globs (picomatch) matched against the resource's kind, namespace, name, and file path. Omitted = any. */
  kind?: string;
  namespace?: string;
  name?: string;
  file?: string;
  container?: string;
  reason: string;
  /** YYYY-MM-DD: the exemption stops applying after this day, and the report says so. */
  expires?: string;
  /** 1-based line of the exemption in the config file (for messages). */
  line?: number;
  /** 1-based column where the exemption starts (its first key). */
  column?: number;
}

export interface WorkloadKindConfig {
  kind: string;
  group?: string;
  /** Dotted path to the PodSpec, e.g. `spec.template.spec`. */
  podSpecPath: string;
  podMetadataPath?: string;
}

export type Tenancy = 'single' | 'multi' | 'untrusted';

export interface NamespaceContext {
  tenancy?: Tenancy;
}

export type SchemaValidatorChoice = 'auto' | 'embedded' | 'kubeconform' | 'off';

/** Schema validation settings (carried out by `@shiftdown/kubeconform`; the core only runs the rules). */
export interface SchemaConfig {
  /** `auto` (default): kubeconform when the binary is found, the embedded validator otherwise. */
  validator?: SchemaValidatorChoice;
  /** Path to the kubeconform binary (relative to the config file). */
  kubeconformPath?: string;
  /** kubeconform `-schema-location` values, in order. */
  schemaLocations?: string[];
  /** Files or directories (relative to the config file) with CustomResourceDefinitions to validate custom resources against. */
  crdPaths?: string[];
  /** Kinds not to validate (`Kind` or `group/version/Kind`), as kubeconform `-skip`. */
  skipKinds?: string[];
  /** No `schema-missing` finding for kinds without a schema. */
  ignoreMissingSchemas?: boolean;
}

/** The validated contents of `.shiftdown.yaml`. */
export interface ShiftdownConfig {
  /** Where it was read from (for messages and suppression sources). */
  path?: string;
  profile?: ProfileName;
  pssVersion?: string;
  kubernetesVersion?: string;
  failOn?: Severity | 'none';
  minScore?: number;
  rules?: Record<string, RuleSetting>;
  exemptions?: Exemption[];
  include?: string[];
  exclude?: string[];
  workloadKinds?: WorkloadKindConfig[];
  cloud?: 'aws' | 'azure' | 'gcp';
  namespaces?: Record<string, NamespaceContext>;
  trustedRegistries?: string[];
  sandboxRuntimeClasses?: string[];
  systemNamespaces?: string[];
  /** Custom rules written in CEL (see custom/custom-rules.ts). */
  customRules?: CustomRuleConfig[];
  schema?: SchemaConfig;
}
