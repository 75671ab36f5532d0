/**
 * The contract between the Shiftdown Backstage backend and frontend plugins: annotations, the REST
 * API's JSON shapes and the entity predicate legacy apps use. Pure types and helpers (no React, no I/O).
 */
import type { Entity } from '@backstage/catalog-model';

export const SHIFTDOWN_PLUGIN_ID = 'shiftdown';

/** Where the entity's manifests live: a path relative to the entity's source location, or an absolute URL. */
export const SHIFTDOWN_MANIFESTS_ANNOTATION = 'shiftdown.dev/manifests';
/** Fallbacks: the entity's source location (plus the configured default path) … */
export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
/** … or the Kubernetes plugin's annotations, so services already wired for it light up without changes. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION = 'backstage.io/kubernetes-label-selector';

export const SHIFTDOWN_ANNOTATIONS = [
  SHIFTDOWN_MANIFESTS_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
] as const;

/** True when the backend can find manifests for the entity (legacy apps: use it to show the tab/card). */
export function isShiftdownAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return SHIFTDOWN_ANNOTATIONS.some((key) => typeof annotations[key] === 'string' && annotations[key] !== '');
}

/** Severities from most to least severe (the core's order). */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type LetterGrade = 'A+' | 'A' | 'A-' | 'B+' | 'B' | 'B-' | 'C+' | 'C' | 'C-' | 'D+' | 'D' | 'D-' | 'F';
/** How the scorecard arrived: scanned by the backend (`pull`) or pushed from CI (`push`). */
export type ScorecardSource = 'pull' | 'push';

export interface CategoryBreakdown {
  category: string;
  title: string;
  score: number;
  grade: LetterGrade;
  findings: number;
}

export interface Maturity {
  /** 0 to `MAX_MATURITY_LEVEL`. */
  level: number;
  name: string;
  /** What is missing for the next level. */
  next?: string[];
}

export interface ScorecardFinding {
  ruleId: string;
  /** The rule's title (from the report's rule metadata). */
  title: string;
  severity: Severity;
  category: string;
  message: string;
  /** Path of the file relative to the manifests root (as scanned or as pushed). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource: { kind: string; apiVersion?: string; namespace?: string; name?: string };
  container?: string;
  field?: string;
  remediation?: string;
  /** Rule documentation. */
  helpUri?: string;
  /** Link to the file at the finding's line in the source repository, when the source is known. */
  sourceUrl?: string;
  /** Present on suppressed findings only. */
  suppressed?: { reason: string; source: string; expires?: string };
  fingerprint: string;
}

export interface ScanError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface Scorecard {
  /** e.g. `component:default/payments`. */
  entityRef: string;
  score: number;
  grade: LetterGrade;
  maturity: Maturity;
  /** Why the grade was capped, e.g. "a critical finding caps the grade at D". */
  cap?: string;
  categories: CategoryBreakdown[];
  counts: Record<Severity, number>;
  /** Unsuppressed findings, worst first. */
  findings: ScorecardFinding[];
  /** Suppressed findings with their reasons (they do not count). */
  suppressed: ScorecardFinding[];
  errors: ScanError[];
  files: number;
  resources: number;
  source: ScorecardSource;
  /** ISO-8601 time of the scan (pull) or of the push. */
  scannedAt: string;
  commitSha?: string;
  /** Branch or tag given with a push (`?ref=`), when known. */
  ref?: string;
  /** Where the manifests were read from (pull) or the repository URL given with the push. */
  location?: string;
  profile: string;
  toolVersion: string;
  /**
   * Present when the latest pull scan of the entity failed after this scorecard was stored (it stays the
   * last good scorecard). Cleared by the next successful pull scan.
   */
  lastError?: ScanFailure;
}

/** A pull scan that failed: the manifests could not be read, or the repository's `.shiftdown.yaml` is invalid. */
export interface ScanFailure {
  message: string;
  /** ISO-8601 time of the failed attempt. */
  at: string;
  /** Where the manifests were to be read from. */
  location?: string;
}

export interface ScoreHistoryPoint {
  scannedAt: string;
  score: number;
  grade: LetterGrade;
  source: ScorecardSource;
  commitSha?: string;
}

export interface ScoreHistory {
  entityRef: string;
  /** Oldest first; `?limit=N` keeps the N most recent points. */
  items: ScoreHistoryPoint[];
}

export interface OverviewEntry {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  score: number;
  grade: LetterGrade;
  maturityLevel: number;
  counts: Record<Severity, number>;
  scannedAt: string;
  source: ScorecardSource;
  /** Recent scores, oldest first (for sparklines). */
  trend: number[];
}

/** What the overview can be sorted by. */
export const OVERVIEW_SORT_FIELDS = ['score', 'grade', 'name', 'scannedAt', 'owner'] as const;
export type OverviewSortField = (typeof OVERVIEW_SORT_FIELDS)[number];

export interface OverviewQuery {
  owner?: string;
  kind?: string;
  grade?: LetterGrade;
  sort?: OverviewSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface OverviewResponse {
  items: OverviewEntry[];
  /** Every match, on all pages. */
  total: number;
  /**
   * The values the owner and kind filters can take, sorted: each from the entities the caller can see
   * that match the other filters (so a chosen owner or kind never hides the others).
   */
  facets: { owners: string[]; kinds: string[] };
}

/** The backend's REST routes, relative to the plugin's base URL (`/api/shiftdown`). */
export const SHIFTDOWN_ROUTES = {
  scorecard: (kind: string, namespace: string, name: string) =>
    `/scorecards/${encodeURIComponent(kind)}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
  history: (kind: string, namespace: string, name: string) =>
    `/scorecards/${encodeURIComponent(kind)}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/history`,
  refresh: (kind: string, namespace: string, name: string) =>
    `/scorecards/${encodeURIComponent(kind)}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/refresh`,
  push: (kind: string, namespace: string, name: string) =>
    `/reports/${encodeURIComponent(kind)}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
  overview: '/overview',
} as const;

/** The highest maturity level (the core's last level). */
export const MAX_MATURITY_LEVEL = 5;

/** Letter grades from best to worst (the order the overview sorts grades in). */
export const LETTER_GRADES: readonly LetterGrade[] = [
  'A+',
  'A',
  'A-',
  'B+',
  'B',
  'B-',
  'C+',
  'C',
  'C-',
  'D+',
  'D',
  'D-',
  'F',
];

/**
 * Push metadata, as query parameters of `POST /reports/{kind}/{namespace}/{name}` or as these headers
 * (a query parameter wins over its header).
 */
export const SHIFTDOWN_PUSH_HEADERS = {
  commit: 'x-shiftdown-commit',
  repository: 'x-shiftdown-repository',
  ref: 'x-shiftdown-ref',
} as const;
