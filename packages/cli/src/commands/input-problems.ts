import { withFileErrors } from '@shiftdown/policy-core';
import type { Report } from '@shiftdown/policy-core';
import type { InputProblem } from '../files/walk.js';
import type { CliIO } from '../io.js';
import { printError, warn } from '../io.js';

/** Problems that belong in the report's file list (a skipped FIFO is only a warning). */
function inReport(problem: InputProblem): boolean {
  return problem.kind === 'unreadable' || problem.kind === 'loop';
}

/** Unreadable inputs fail the run: a finding may hide in them. */
export function countUnreadable(problems: readonly InputProblem[]): number {
  return problems.filter((p) => p.kind === 'unreadable').length;
}

/** Each problem on stderr: unreadable inputs as errors, the rest as warnings. */
export function printProblems(io: Pick<CliIO, 'stderr'>, problems: readonly InputProblem[]): void {
  for (const problem of problems) {
    if (problem.kind === 'unreadable') printError(io, problem.message);
    else warn(io, problem.message);
  }
}

/**
 * The report with the inputs the CLI could not hand to the core added to `files`, each with one
 * error at 1:1, and the summary's file and error counts updated. The report is not mutated.
 */
export function withInputProblems(report: Report, problems: readonly InputProblem[]): Report {
  return withFileErrors(
    report,
    problems.filter(inReport).map((p) => ({ file: p.path, message: p.message, line: 1, column: 1 })),
  );
}
