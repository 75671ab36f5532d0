import { CATEGORIES, CATEGORY_TITLES, SEVERITY_RANK } from '../types.js';
import type { Category, CategoryScore, Grade, RuleMeta, Severity } from '../types.js';
import { SEVERITY_WEIGHTS, applyCaps, letterGrade } from './grade.js';
import { worseSeverity } from '../severity.js';
import { SubjectNumbers, SubjectSet } from './subject-table.js';

/** A resource id, or a `file:<path>` key for file-level rules. */
export type Subject = string | number;

/** A rule looked at a subject. Each (subject, rule) pair appears once. */
export interface ScoredEvaluation {
  subject: Subject;
  ruleId: string;
}

/** An unsuppressed finding of a rule on a subject. */
export interface ScoredFailure {
  subject: Subject;
  ruleId: string;
  severity: Severity;
}

export interface ScoreInput {
  evaluations: Iterable<ScoredEvaluation>;
  failures: readonly ScoredFailure[];
  /** Metadata and configured severity of every rule that was evaluated. */
  rules: ReadonlyMap<string, { meta: RuleMeta; severity: Severity }>;
}

export interface ScoreResult extends Grade {
  cap?: string;
  categories: CategoryScore[];
  /** Score and grade per subject. */
  subjects: Map<Subject, Grade & { findings: number }>;
}

interface RuleTally {
  weight: number;
  category: Category;
  /** How many subjects the rule looked at (counted, not stored: scans can have 100,000s). */
  applicable: number;
  failing: SubjectSet;
}

/**
 * Severity-weighted pass ratio per rule (robust to how many objects a service has):
 *   score = 100 × Σ_r w_r · pass_r / Σ_r w_r,  pass_r = share of the subjects rule r looked at that passed,
 * with w_r the rule's severity weight. Per subject the ratio is 1 or 0 per rule. Then the caps apply.
 */
export function computeScores(input: ScoreInput): ScoreResult {
  const tally = new ScoreTally(input.rules);
  for (const { subject, ruleId } of input.evaluations) tally.evaluated(subject, ruleId);
  for (const failure of input.failures) tally.failed(failure.subject, failure.ruleId, failure.severity);
  return tally.result();
}

/**
 * `computeScores` one evaluation and one failure at a time: the engine counts each (subject, rule) pair
 * as the rule looks at it instead of storing millions of pairs until the end of a large scan, and
 * per-subject numbers are kept in typed arrays (see `SubjectNumbers`). Give every evaluation first,
 * then every failure, then read the scores.
 */
export class ScoreTally {
  readonly #rules: ScoreInput['rules'];
  readonly #tallies = new Map<string, RuleTally>();
  /** Weight of the rules that looked at each subject. */
  readonly #total = new SubjectNumbers();
  readonly #failed = new SubjectNumbers();
  readonly #findings = new SubjectNumbers();
  /** SEVERITY_RANK of each subject's worst failure. */
  readonly #worst = new SubjectNumbers();
  #worstOverall: Severity | undefined;
  readonly #worstByCategory = new Map<Category, Severity>();
  readonly #findingsByCategory = new Map<Category, number>();

  constructor(rules: ScoreInput['rules']) {
    this.#rules = rules;
  }

  /** Rule `ruleId` looked at `subject` (call once per pair). Rules missing from `rules` do not count. */
  evaluated(subject: Subject, ruleId: string): void {
    let tally = this.#tallies.get(ruleId);
    if (!tally) {
      const rule = this.#rules.get(ruleId);
      if (!rule) return;
      tally = {
        weight: SEVERITY_WEIGHTS[rule.severity],
        category: rule.meta.category,
        applicable: 0,
        failing: new SubjectSet(),
      };
      this.#tallies.set(ruleId, tally);
    }
    tally.applicable++;
    this.#total.add(subject, tally.weight);
  }

  /** An unsuppressed finding of rule `ruleId` on `subject`. */
  failed(subject: Subject, ruleId: string, severity: Severity): void {
    if (this.#findings.capacity < this.#total.capacity) {
      // Every subject is known by now: size the per-subject arrays once.
      for (const numbers of [this.#failed, this.#findings, this.#worst])
        numbers.reserve(this.#total.capacity);
    }
    const tally = this.#tallies.get(ruleId);
    if (tally && !tally.failing.has(subject)) {
      tally.failing.reserve(this.#total.capacity);
      tally.failing.add(subject);
      this.#failed.add(subject, tally.weight);
    }
    this.#findings.add(subject, 1);
    const worst = this.#worst.get(subject);
    if (worst === undefined || SEVERITY_RANK[severity] > worst)
      this.#worst.set(subject, SEVERITY_RANK[severity]);
    this.#worstOverall = worseSeverity(this.#worstOverall, severity);
    const category = this.#rules.get(ruleId)?.meta.category;
    if (category) {
      this.#worstByCategory.set(category, worseSeverity(this.#worstByCategory.get(category), severity));
      this.#findingsByCategory.set(category, (this.#findingsByCategory.get(category) ?? 0) + 1);
    }
  }

  /** The score of the whole scan and of each category. */
  overall(): Grade & { cap?: string; categories: CategoryScore[] } {
    const tallies = [...this.#tallies.values()];
    const overall = capped(weightedScore(tallies), this.#worstOverall);
    const categories: CategoryScore[] = [];
    for (const category of CATEGORIES) {
      const inCategory = tallies.filter((t) => t.category === category);
      if (inCategory.length === 0) continue;
      const graded = capped(weightedScore(inCategory), this.#worstByCategory.get(category));
      categories.push({
        category,
        title: CATEGORY_TITLES[category],
        score: graded.score,
        grade: graded.grade,
        findings: this.#findingsByCategory.get(category) ?? 0,
      });
    }
    return {
      score: overall.score,
      grade: overall.grade,
      ...(overall.cap && { cap: overall.cap }),
      categories,
    };
  }

  /** A subject's score, grade and finding count; undefined when no rule looked at it. */
  subject(subject: Subject): (Grade & { findings: number }) | undefined {
    const total = this.#total.get(subject);
    if (total === undefined) return undefined;
    const failed = this.#failed.get(subject) ?? 0;
    const raw = total === 0 ? 100 : (100 * (total - failed)) / total;
    const rank = this.#worst.get(subject);
    const graded = capped(raw, rank === undefined ? undefined : SEVERITY_BY_RANK[rank]);
    // A count read back from a Float64Array: as an integer, so that no summary boxes it in a heap number.
    return { score: graded.score, grade: graded.grade, findings: (this.#findings.get(subject) ?? 0) | 0 };
  }

  /** Release the per-subject numbers now (nothing can be read afterwards). */
  dispose(): void {
    for (const numbers of [this.#total, this.#failed, this.#findings, this.#worst]) numbers.dispose();
    for (const tally of this.#tallies.values()) tally.failing.dispose();
  }

  /** Everything, with a map of every subject's grade. */
  result(): ScoreResult {
    const subjects = new Map<Subject, Grade & { findings: number }>();
    for (const subject of this.#total.subjects()) subjects.set(subject, this.subject(subject)!);
    return { ...this.overall(), subjects };
  }
}

const SEVERITY_BY_RANK: Record<number, Severity> = Object.fromEntries(
  Object.entries(SEVERITY_RANK).map(([severity, rank]) => [rank, severity as Severity]),
);

function weightedScore(tallies: readonly RuleTally[]): number {
  let total = 0;
  let passed = 0;
  for (const tally of tallies) {
    if (tally.weight === 0 || tally.applicable === 0) continue;
    total += tally.weight;
    passed += (tally.weight * Math.max(0, tally.applicable - tally.failing.size)) / tally.applicable;
  }
  return total === 0 ? 100 : (100 * passed) / total;
}

function capped(raw: number, worst: Severity | undefined): Grade & { cap?: string } {
  const { score, cap } = applyCaps(Math.floor(raw + 1e-9), worst);
  return { score, grade: letterGrade(score), ...(cap && { cap }) };
}
