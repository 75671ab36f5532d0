import { CATEGORIES, CATEGORY_TITLES } from '../types.js';
import type { Category, CategoryScore, Grade, RuleMeta, Severity } from '../types.js';
import { SEVERITY_WEIGHTS, applyCaps, letterGrade } from './grade.js';
import { worseSeverity } from '../severity.js';

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
  failing: Set<Subject>;
}

/**
 * Severity-weighted pass ratio per rule (robust to how many objects a service has):
 *   score = 100 × Σ_r w_r · pass_r / Σ_r w_r,  pass_r = share of the subjects rule r looked at that passed,
 * with w_r the rule's severity weight. Per subject the ratio is 1 or 0 per rule. Then the caps apply.
 */
export function computeScores(input: ScoreInput): ScoreResult {
  const tallies = new Map<string, RuleTally>();
  // Weight of the rules that looked at each subject.
  const totalBySubject = new Map<Subject, number>();
  for (const { subject, ruleId } of input.evaluations) {
    const rule = input.rules.get(ruleId);
    if (!rule) continue;
    let tally = tallies.get(ruleId);
    if (!tally) {
      tally = {
        weight: SEVERITY_WEIGHTS[rule.severity],
        category: rule.meta.category,
        applicable: 0,
        failing: new Set(),
      };
      tallies.set(ruleId, tally);
    }
    tally.applicable++;
    totalBySubject.set(subject, (totalBySubject.get(subject) ?? 0) + tally.weight);
  }
  const worstBySubject = new Map<Subject, Severity>();
  const findingsBySubject = new Map<Subject, number>();
  const failedBySubject = new Map<Subject, number>();
  let worst: Severity | undefined;
  const worstByCategory = new Map<Category, Severity>();
  const findingsByCategory = new Map<Category, number>();
  for (const failure of input.failures) {
    const tally = tallies.get(failure.ruleId);
    if (tally && !tally.failing.has(failure.subject)) {
      tally.failing.add(failure.subject);
      failedBySubject.set(failure.subject, (failedBySubject.get(failure.subject) ?? 0) + tally.weight);
    }
    findingsBySubject.set(failure.subject, (findingsBySubject.get(failure.subject) ?? 0) + 1);
    worstBySubject.set(failure.subject, worseSeverity(worstBySubject.get(failure.subject), failure.severity));
    worst = worseSeverity(worst, failure.severity);
    const category = input.rules.get(failure.ruleId)?.meta.category;
    if (category) {
      worstByCategory.set(category, worseSeverity(worstByCategory.get(category), failure.severity));
      findingsByCategory.set(category, (findingsByCategory.get(category) ?? 0) + 1);
    }
  }

  const overall = capped(weightedScore([...tallies.values()]), worst);
  const categories: CategoryScore[] = [];
  for (const category of CATEGORIES) {
    const inCategory = [...tallies.values()].filter((t) => t.category === category);
    if (inCategory.length === 0) continue;
    const graded = capped(weightedScore(inCategory), worstByCategory.get(category));
    const findings = findingsByCategory.get(category) ?? 0;
    categories.push({
      category,
      title: CATEGORY_TITLES[category],
      score: graded.score,
      grade: graded.grade,
      findings,
    });
  }

  const subjects = new Map<Subject, Grade & { findings: number }>();
  for (const [subject, total] of totalBySubject) {
    const failed = failedBySubject.get(subject) ?? 0;
    const raw = total === 0 ? 100 : (100 * (total - failed)) / total;
    const graded = capped(raw, worstBySubject.get(subject));
    subjects.set(subject, {
      score: graded.score,
      grade: graded.grade,
      findings: findingsBySubject.get(subject) ?? 0,
    });
  }

  return {
    score: overall.score,
    grade: overall.grade,
    ...(overall.cap && { cap: overall.cap }),
    categories,
    subjects,
  };
}

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
