import type { LetterGrade, Severity } from '../types.js';

/** Risk weights per severity (OpenSSF Scorecard's aggregate weights; info does not count). */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 7.5,
  medium: 5,
  low: 2.5,
  info: 0,
};

/** Letter-grade thresholds (Polaris'): the first whose minimum the score reaches. */
export const GRADE_THRESHOLDS: readonly { grade: LetterGrade; min: number }[] = [
  { grade: 'A+', min: 97 },
  { grade: 'A', min: 93 },
  { grade: 'A-', min: 90 },
  { grade: 'B+', min: 87 },
  { grade: 'B', min: 83 },
  { grade: 'B-', min: 80 },
  { grade: 'C+', min: 77 },
  { grade: 'C', min: 73 },
  { grade: 'C-', min: 70 },
  { grade: 'D+', min: 67 },
  { grade: 'D', min: 63 },
  { grade: 'D-', min: 60 },
  { grade: 'F', min: 0 },
];

/**
 * Hard caps: the score cannot hide a severe finding behind many passing checks. Any unsuppressed
 * critical finding caps the score at 66 (grade D at best); any high finding caps it at 86 (B).
 */
export const SCORE_CAPS: readonly { severity: Severity; maxScore: number; reason: string }[] = [
  { severity: 'critical', maxScore: 66, reason: 'a critical finding caps the grade at D' },
  { severity: 'high', maxScore: 86, reason: 'a high finding caps the grade at B' },
];

/**
 * A minimum grade as gates take it: any grade, or `E` — which the core never gives; it sits between D and
 * F for users of an A–F scale that has one.
 */
export type MinimumGrade = LetterGrade | 'E';

/** Every minimum a gate takes, best first: the core's grades, with `E` between D- and F. */
export const MINIMUM_GRADES: readonly MinimumGrade[] = GRADE_THRESHOLDS.flatMap(({ grade }) =>
  grade === 'F' ? (['E', 'F'] as const) : [grade],
);

/**
 * Whether a grade meets a minimum. A bare letter accepts its whole family (`B` accepts B+, B and B-); a
 * grade with a sign, `A+` and `F` must be met exactly or bettered; `E` accepts everything but F.
 */
export function meetsGrade(grade: LetterGrade, minimum: MinimumGrade): boolean {
  if (minimum === 'E') return grade !== 'F';
  const rank = (g: string): number => GRADE_THRESHOLDS.findIndex((t) => t.grade === g);
  const worstAccepted = rank(`${minimum}-`) >= 0 ? `${minimum}-` : minimum;
  return rank(grade) <= rank(worstAccepted);
}

export function letterGrade(score: number): LetterGrade {
  for (const { grade, min } of GRADE_THRESHOLDS) if (score >= min) return grade;
  return 'F';
}

/** Apply the caps for the worst severity present; returns the capped score and the reason, if any. */
export function applyCaps(score: number, worst: Severity | undefined): { score: number; cap?: string } {
  for (const cap of SCORE_CAPS) {
    if (worst === cap.severity && score > cap.maxScore) return { score: cap.maxScore, cap: cap.reason };
    if (worst === cap.severity) return { score };
  }
  return { score };
}
