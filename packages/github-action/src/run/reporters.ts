import type { ReporterName, RunContext } from '../types.js';

export interface ReporterChoice {
  reporters: ReporterName[];
  /** The one line that says why the PR-writing reporters are left out, if they are. */
  note?: string;
}

/**
 * The reporters to run: the `reporters` input when given, else by what the token can do. A PR with a
 * writable token gets the check run (which carries the annotations), review comments, the summary
 * comment, the job summary and SARIF; a fork PR (read-only token) or no token gets the reporters that
 * need no permission; a push gets the check run, the summary and SARIF. Workflow-command annotations are
 * left out next to a check run: GitHub shows both on the diff, so every finding would appear twice
 * (they stand in for it when it is refused).
 */
export function chooseReporters(
  requested: readonly ReporterName[] | undefined,
  context: RunContext,
  hasToken: boolean,
): ReporterChoice {
  if (requested) return { reporters: [...requested] };
  const pr = context.pullRequest;
  if (!hasToken || pr?.fromFork) {
    const why = !hasToken ? 'no GitHub token' : 'the pull request comes from a fork (read-only token)';
    return {
      reporters: ['annotations', 'summary', 'sarif'],
      note: `Shiftdown: ${why}: reporting with workflow-command annotations, the job summary and SARIF only.`,
    };
  }
  if (!pr) return { reporters: ['check', 'summary', 'sarif'] };
  return { reporters: ['check', 'review', 'comment', 'summary', 'sarif'] };
}
