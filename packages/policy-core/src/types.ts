/**
 * Public types of the policy core. These shapes are contracts: the JSON report, the Action and the
 * Backstage plugins rely on them (see docs/json-report.md).
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};

/**
 * Scorecard categories (after the NSA/CISA hardening guidance sections): every rule belongs to one.
 */
export const CATEGORIES = [
  'isolation',
  'identity',
  'rbac',
  'network',
  'supply-chain',
  'multitenancy',
  'control-plane',
  'reliability',
  'validity',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  isolation: 'Workload isolation',
  identity: 'Workload identity',
  rbac: 'Access control (RBAC)',
  network: 'Network segmentation',
  'supply-chain': 'Supply chain',
  multitenancy: 'Multi-tenancy and accelerators',
  'control-plane': 'Control plane',
  reliability: 'Reliability and resources',
  validity: 'Manifest validity',
};

/** A path into a JSON value: object keys and array indexes. */
export type Path = readonly (string | number)[];

/**
 * 1-based line and column; columns count UTF-16 code units; endColumn is exclusive (the column after
 * the last character), as in SARIF.
 */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SourceLocation extends SourceRange {
  file: string;
}

/** An input file as the caller read it. The core never touches the disk. */
export interface InputFile {
  /** Path as the user should see it (relative to the scan root or repository root). */
  path: string;
  /** File contents as text (the caller decodes bytes; see `decodeBytes`). */
  text: string;
}

export type PssLevel = 'baseline' | 'restricted';

/** A Pod Security Standards policy version: `v1.<minor>`. `latest` resolves to LATEST_PSS_MINOR. */
export interface PssVersion {
  major: 1;
  minor: number;
}

export interface RuleSource {
  title: string;
  url: string;
}

export interface PssMapping {
  level: PssLevel;
  /** The Pod Security admission check id, e.g. `privileged`, `capabilities_restricted`. */
  check: string;
  /** The first policy version the check applies from, e.g. `v1.0`, `v1.34`. */
  since: string;
}

export type ProfileName = 'pss-baseline' | 'pss-restricted' | 'recommended' | 'strict';

export interface RuleMeta {
  /** kebab-case slug, stable forever: it is used in suppressions, configs and SARIF. */
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  /** One paragraph: what the rule checks, precisely. */
  description: string;
  /** Why it matters (the attack or failure it prevents). */
  rationale: string;
  sources: RuleSource[];
  /** How to fix it, in words; may contain a YAML snippet. */
  remediation: string;
  pss?: PssMapping;
  /** Enabled in the `recommended` profile (default true). `strict` enables every rule. */
  recommended?: boolean;
  /** True when findings of this rule can carry a safe `fix`. */
  fixable?: boolean;
  /**
   * Rules this one replaces with a finer check of the same fields (e.g. capability tiers replace the
   * Pod Security baseline capability check): when both are enabled, the superseded rule does not run,
   * unless the config names it explicitly.
   */
  supersedes?: string[];
  /** Free-form topic tags (e.g. `container-escape`, `imds`), used for the docs index. */
  tags?: string[];
}

/** A safe, mechanical fix: set the value at `path` (relative to the document root) to `value`. */
export interface Fix {
  description: string;
  /** YAML lines that replace the finding's line range (for PR suggestion blocks). */
  replacement?: string;
  set?: { path: Path; value: unknown };
}

export interface ResourceRef {
  kind: string;
  apiVersion?: string;
  namespace?: string;
  name?: string;
}

export interface Suppression {
  reason: string;
  /** Where the suppression came from: `annotation:<key>` on the object/template or `config:<file>#<index>`. */
  source: string;
  expires?: string;
}

export interface Finding extends SourceLocation {
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
  resource: ResourceRef;
  container?: string;
  /** Dotted path of the offending field inside the document, e.g. `spec.containers[0].securityContext.privileged`. */
  field?: string;
  /** For values taken from the effective security context: where they came from. */
  valueSource?: 'container' | 'pod' | 'default';
  pss?: { level: PssLevel; check: string };
  suppressed?: Suppression;
  fix?: Fix;
  /** Stable across unrelated edits: rule, file, resource identity, container and field (no line numbers). */
  fingerprint: string;
}

/** A problem with an input that is not a policy finding (unreadable file, invalid config, …). */
export interface InputError {
  message: string;
  line: number;
  column: number;
}

export interface SkippedDocument {
  line: number;
  reason: string;
}

export interface FileSummary {
  path: string;
  /** Kubernetes objects found (List items count one each). */
  documents: number;
  errors: InputError[];
  skipped: SkippedDocument[];
}

export interface Grade {
  score: number;
  grade: LetterGrade;
}

export type LetterGrade =
  | 'A+'
  | 'A'
  | 'A-'
  | 'B+'
  | 'B'
  | 'B-'
  | 'C+'
  | 'C'
  | 'C-'
  | 'D+'
  | 'D'
  | 'D-'
  | 'F';

export interface CategoryScore {
  category: Category;
  title: string;
  score: number;
  grade: LetterGrade;
  findings: number;
}

export interface MaturityLevel {
  level: 0 | 1 | 2 | 3 | 4 | 5;
  name: string;
  /** What is missing for the next level, in words. */
  next?: string[];
}

export type SeverityCounts = Record<Severity, number>;

export interface ResourceSummary extends ResourceRef, Grade {
  file: string;
  line: number;
  findings: number;
}

export interface ReportSummary extends Grade {
  counts: SeverityCounts;
  suppressed: number;
  files: number;
  documents: number;
  resources: number;
  errors: number;
  categories: CategoryScore[];
  maturity: MaturityLevel;
  /** Capped grade reason (e.g. "a critical finding caps the grade at D"). */
  cap?: string;
}

export interface RuleSummary {
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  helpUri: string;
  description: string;
  remediation: string;
  pss?: PssMapping;
}

export interface Report {
  /** JSON report schema version (semver). */
  version: string;
  tool: { name: string; version: string };
  settings: {
    profile: ProfileName;
    pssVersion: string;
    kubernetesVersion?: string;
    /** The schema validator used, e.g. `embedded (Kubernetes v1.36)`; absent when schema validation was off. */
    schemaValidator?: string;
  };
  summary: ReportSummary;
  files: FileSummary[];
  resources: ResourceSummary[];
  findings: Finding[];
  /** Metadata of every rule that has at least one finding (for SARIF and docs links). */
  rules: RuleSummary[];
}
