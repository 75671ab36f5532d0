/**
 * The contracts between the Action's parts. Everything that touches the outside world (inputs, GitHub's
 * API, the runner's workflow commands and files) is injected, so every part is testable without module
 * mocks.
 */
import type { MinimumGrade, ProfileName, Severity } from '@shiftdown/policy-core';
import type { ReviewComment } from './annotations/review-comments.js';
import type { FilterMode } from './diff/types.js';

export type { FilterMode };

/** Where findings go: Checks API, PR review comments, sticky PR comment, workflow commands, job summary, SARIF file. */
export type ReporterName = 'check' | 'review' | 'comment' | 'annotations' | 'summary' | 'sarif';

/** The Action's inputs, parsed and validated (see action.yml for names and defaults). */
export interface ActionInputs {
  /** Globs of files to scan, relative to the repository root (default: every .yaml/.yml/.json file). */
  paths: string[];
  filterMode: FilterMode;
  /** Reporters to use; undefined: chosen by the token's permissions. */
  reporters?: ReporterName[];
  failOn: Severity | 'none';
  minScore?: number;
  /** A bare letter accepts its + and - grades; E accepts all but F (the core's meetsGrade). */
  minGrade?: MinimumGrade;
  softFail: boolean;
  /** A JSON report (path) whose findings are accepted: only new findings fail. */
  baseline?: string;
  config?: string;
  profile?: ProfileName;
  kubernetesVersion?: string;
  /** Install and use this kubeconform release (sha256-verified); default: the embedded validator. */
  kubeconformVersion?: string;
  /** Globs of Backstage software templates whose skeletons are rendered and checked. */
  templates?: string[];
  /** A YAML/JSON file of template parameter values (default: each parameter's default or example). */
  templateValues?: string;
  sarifFile: string;
  reportFile: string;
  token?: string;
}

/** The run's GitHub context, from the environment and the event payload. */
export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The commit the findings are about (the PR head for pull_request events). */
  sha: string;
  /** Absolute path of the checked-out repository (GITHUB_WORKSPACE). */
  workspace: string;
  serverUrl: string;
  apiUrl: string;
  runId?: string;
  pullRequest?: {
    number: number;
    headSha: string;
    baseSha: string;
    baseRef: string;
    /** True when the head repository differs from the base one: the token is read-only. */
    fromFork: boolean;
  };
}

/** What a GitHub write returned: done, refused for lack of permission (degrade quietly), or failed. */
export type ReporterOutcome =
  | { status: 'ok'; detail?: string }
  | {
      status: 'forbidden';
      /** What was refused, and why: `creating the review: 403 Resource not accessible by integration`. */
      message: string;
      /** Why alone (`403 Resource not accessible by integration`), to say once for several reporters. */
      reason?: string;
    }
  | { status: 'failed'; message: string };

/** A file of the pull request as `pulls.listFiles` returns it. */
export interface PullRequestFile {
  filename: string;
  status: string;
  patch?: string;
  previous_filename?: string;
}

/** The GitHub API calls the Action makes (implemented over Octokit in src/github/). */
export interface GitHubApi {
  /** `pulls.listFiles`, every page (GitHub returns at most 3,000 files). */
  listPullRequestFiles(context: RunContext): Promise<PullRequestFile[]>;
  /** Bodies of the existing review comments of the PR (to skip duplicates on re-runs). */
  listReviewCommentBodies(context: RunContext): Promise<string[]>;
  /** Creates a check run with the first batch of annotations, then appends the rest with updates. */
  createCheckRun(
    context: RunContext,
    run: {
      name: string;
      conclusion: 'success' | 'failure' | 'neutral';
      title: string;
      summary: string;
      text?: string;
      batches: readonly unknown[][];
    },
  ): Promise<ReporterOutcome>;
  /** One review with every comment (`event: COMMENT`). */
  createReview(context: RunContext, comments: readonly ReviewComment[]): Promise<ReporterOutcome>;
  /** Creates the sticky summary comment, or updates the one that carries `marker`. */
  upsertStickyComment(context: RunContext, body: string, marker: string): Promise<ReporterOutcome>;
}

/** The runner's side of the Action (over @actions/core in the entry point; a recorder in tests). */
export interface ActionIO {
  info(message: string): void;
  warning(message: string): void;
  /** A raw workflow command line (`::error file=…::…`). */
  command(line: string): void;
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}
