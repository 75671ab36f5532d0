export { compareFindings, reportable, annotationTitle } from './order.js';
export { truncateText, TRUNCATED_NOTE } from './truncate.js';
export { annotationRange, lastLine, type AnnotationRange } from './range.js';
export { jobSummary, JOB_SUMMARY_LIMIT, type JobSummaryOptions } from './job-summary.js';
export {
  planWorkflowCommands,
  workflowCommand,
  omittedNotice,
  escapeData,
  escapeProperty,
  COMMAND_LEVEL,
} from './workflow-commands.js';
export type { CommandLevel, WorkflowCommandOptions, WorkflowCommandPlan } from './workflow-commands.js';
export {
  planCheckRun,
  checkAnnotation,
  findingsText,
  ANNOTATION_LEVEL,
  CHECK_OUTPUT_LIMIT,
  ANNOTATION_TITLE_LIMIT,
  ANNOTATION_TEXT_LIMIT,
} from './check-run.js';
export type {
  AnnotationLevel,
  CheckAnnotation,
  CheckRunOptions,
  CheckRunPlan,
  CheckRunRule,
} from './check-run.js';
export {
  anyCommentable,
  planReviewComments,
  reviewCommentBody,
  suggestionBlock,
  fingerprintMarker,
} from './review-comments.js';
export type {
  Commentable,
  CommentTarget,
  ReviewComment,
  ReviewCommentOptions,
  ReviewCommentPlan,
  ReviewRule,
} from './review-comments.js';
export {
  stickyComment,
  isStickyComment,
  STICKY_MARKER,
  COMMENT_LIMIT,
  STICKY_TRUNCATED_NOTE,
} from './sticky.js';
