import type { Finding } from '@shiftdown/policy-core';
import { lastLine } from '../annotations/index.js';
import { CheckoutLineMap, parseGitDiff } from '../diff/index.js';
import type { ActionIO, RunContext } from '../types.js';

/**
 * `git diff` from the pull request's head commit to the checked-out commit, of `paths` (the files with
 * findings), or undefined when the checkout is the head commit.
 */
export type CheckoutDiff = (headSha: string, paths: readonly string[]) => Promise<string | undefined>;

/**
 * How the checkout's lines map to the head commit's, for a pull request whose checkout is not its head
 * (actions/checkout's default, the merge commit). Undefined when no line moved; a failure is a warning.
 */
export async function checkoutLineMap(
  context: RunContext,
  io: ActionIO,
  checkoutDiff: CheckoutDiff | undefined,
  paths: readonly string[],
): Promise<CheckoutLineMap | undefined> {
  const pr = context.pullRequest;
  if (!pr || !checkoutDiff || paths.length === 0) return undefined;
  try {
    const diff = await checkoutDiff(pr.headSha, paths);
    const map = diff === undefined ? undefined : new CheckoutLineMap(parseGitDiff(diff));
    return map && map.size > 0 ? map : undefined;
  } catch (error) {
    io.warning(
      `Shiftdown: cannot compare the checkout with the head commit ${pr.headSha} (${(error as Error).message}): ` +
        "annotations use the checkout's lines, which differ where the base branch changed a file since the pull request branched off.",
    );
    return undefined;
  }
}

/**
 * The findings on the head commit's lines: the lines annotations, review comments and the PR diff use.
 * `annotatable` leaves out a finding that starts on a line the head commit does not have (the base branch
 * added or changed it); `listed` keeps it at the checkout's line, for the Markdown summaries, which list
 * every finding. Either way it stays in the report, the SARIF file (which describe the checkout) and the
 * gate.
 */
export function findingsOnHead(
  findings: readonly Finding[],
  map: CheckoutLineMap,
): { annotatable: Finding[]; listed: Finding[]; moved: number; left: number } {
  const annotatable: Finding[] = [];
  const listed: Finding[] = [];
  let moved = 0;
  for (const finding of findings) {
    const onHead = onHeadLines(finding, map);
    listed.push(onHead ?? finding);
    if (onHead === undefined) continue;
    if (onHead !== finding) moved++;
    annotatable.push(onHead);
  }
  return { annotatable, listed, moved, left: findings.length - annotatable.length };
}

function onHeadLines(finding: Finding, map: CheckoutLineMap): Finding | undefined {
  const line = map.toHead(finding.file, finding.line);
  if (line === undefined) return undefined;
  const endLine = map.toHead(finding.file, finding.endLine);
  if (line === finding.line && endLine === finding.endLine) return finding;
  if (endLine !== undefined && endLine >= line) return { ...finding, line, endLine };
  // The range ends in lines the head does not have: it ends with the last of its lines the head has.
  for (let n = lastLine(finding); n > finding.line; n--) {
    const last = map.toHead(finding.file, n);
    if (last !== undefined) return { ...finding, line, endLine: last + 1, endColumn: 1 };
  }
  return { ...finding, line, endLine: line + 1, endColumn: 1 };
}
