import { ruleHelpUri, type Finding, type RuleSummary, type Severity } from '@shiftdown/policy-core';
import { reportable } from './order.js';
import { lastLine } from './range.js';

/** Where on the diff a finding may be commented: `line` (last line) and, for a range, `startLine`. */
export interface CommentTarget {
  line: number;
  startLine?: number;
}

/**
 * Maps a finding's lines onto the pull request diff (RIGHT side). Returns undefined when no line of
 * the range is inside a hunk: a comment there would make GitHub reject the whole review with a 422.
 */
export type Commentable = (path: string, line: number, endLine: number) => CommentTarget | undefined;

export type ReviewRule = Pick<RuleSummary, 'id' | 'title'> & Partial<Pick<RuleSummary, 'helpUri'>>;

export interface ReviewCommentOptions {
  commentable: Commentable;
  /** Bodies of the review comments already on the pull request (for re-runs). */
  existingBodies: readonly string[];
  rules: readonly ReviewRule[];
  /** Rule docs base URL, used when a rule has no `helpUri`: `<docsBase>/<ruleId>.md`. */
  docsBase: string;
}

/** One entry of `pulls.createReview`'s `comments`. */
export interface ReviewComment {
  path: string;
  line: number;
  start_line?: number;
  side: 'RIGHT';
  start_side?: 'RIGHT';
  body: string;
}

export interface ReviewCommentPlan {
  comments: ReviewComment[];
  /** Findings already commented (marker found in an existing body, or a repeated fingerprint). */
  skippedExisting: number;
  /** Findings with no line inside a diff hunk. */
  notCommentable: number;
}

const BADGE: Readonly<Record<Severity, string>> = {
  critical: '🔴 **Critical**',
  high: '🟠 **High**',
  medium: '🟡 **Medium**',
  low: '🔵 **Low**',
  info: '⚪ **Info**',
};

/** The hidden marker that identifies a finding's comment across runs. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- shiftdown:fingerprint=${fingerprint} -->`;
}

/** A fence longer than any backtick run in the content, so the block cannot be closed early. */
function fence(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

export function suggestionBlock(replacement: string): string {
  const content = replacement.replace(/\r?\n$/, '');
  const marks = fence(content);
  return `${marks}suggestion\n${content}\n${marks}`;
}

export function reviewCommentBody(
  finding: Finding,
  rule: ReviewRule | undefined,
  docsBase: string,
  withSuggestion: boolean,
): string {
  const title = rule?.title ? `**${rule.title}** (\`${finding.ruleId}\`)` : `\`${finding.ruleId}\``;
  const link = rule?.helpUri || ruleHelpUri(finding.ruleId, docsBase);
  const parts = [`${BADGE[finding.severity]} · ${title}`, finding.message];
  const replacement = finding.fix?.replacement;
  if (withSuggestion && replacement !== undefined) {
    parts.push(`${finding.fix?.description ?? 'Suggested fix'}:`, suggestionBlock(replacement));
  }
  parts.push(`[How to fix](${link})`, fingerprintMarker(finding.fingerprint));
  return parts.join('\n\n');
}

/**
 * Whether any unsuppressed finding has a line inside a diff hunk: without one there is nothing to comment,
 * whatever the pull request already has.
 */
export function anyCommentable(findings: readonly Finding[], commentable: Commentable): boolean {
  return findings.some((f) => !f.suppressed && commentable(f.file, f.line, lastLine(f)) !== undefined);
}

/**
 * Plans review comments for unsuppressed findings on diff lines, worst first. A suggestion block is
 * added only when the comment spans exactly the finding's lines: GitHub replaces the commented lines
 * with the suggestion, so a narrower comment would make the fix delete or duplicate lines.
 */
export function planReviewComments(
  findings: readonly Finding[],
  { commentable, existingBodies, rules, docsBase }: ReviewCommentOptions,
): ReviewCommentPlan {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const seen = new Set<string>();
  const plan: ReviewCommentPlan = { comments: [], skippedExisting: 0, notCommentable: 0 };
  for (const finding of reportable(findings)) {
    const marker = fingerprintMarker(finding.fingerprint);
    if (seen.has(finding.fingerprint) || existingBodies.some((body) => body.includes(marker))) {
      plan.skippedExisting += 1;
      continue;
    }
    const last = lastLine(finding);
    const target = commentable(finding.file, finding.line, last);
    if (!target) {
      plan.notCommentable += 1;
      continue;
    }
    seen.add(finding.fingerprint);
    const startLine =
      target.startLine !== undefined && target.startLine < target.line ? target.startLine : undefined;
    const whole = (startLine ?? target.line) === finding.line && target.line === last;
    const comment: ReviewComment = { path: finding.file, line: target.line, side: 'RIGHT', body: '' };
    if (startLine !== undefined) {
      comment.start_line = startLine;
      comment.start_side = 'RIGHT';
    }
    comment.body = reviewCommentBody(finding, byId.get(finding.ruleId), docsBase, whole);
    plan.comments.push(comment);
  }
  return plan;
}
