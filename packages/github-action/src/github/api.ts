/**
 * `GitHubApi` over Octokit's REST requests. Writes never throw: they return a `ReporterOutcome` so a
 * reporter that lacks permission (fork PRs) degrades quietly. Reads throw a clear error: the caller
 * falls back (to `git diff` for the changed files).
 */
import type { Octokit } from '@octokit/core';
import type { GitHubApi, PullRequestFile, ReporterOutcome, RunContext } from '../types.js';
import { isStickyComment } from '../annotations/sticky.js';
import { describeError, writeOutcome } from './errors.js';

const PER_PAGE = 100;
/** GitHub's `pulls.listFiles` returns at most 3,000 files. */
const MAX_FILE_PAGES = 30;
/** A bound on the other listings, so a runaway `Link: next` cannot loop forever. */
const MAX_PAGES = 100;

type Request = Octokit['request'];

function pullNumber(context: RunContext, what: string): number {
  if (!context.pullRequest)
    throw new Error(`${what}: the run has no pull request (event ${context.eventName})`);
  return context.pullRequest.number;
}

/** Every page of a listing, 100 per page, until a page has no `rel="next"` link or `maxPages` is reached. */
async function paginate<T>(
  request: Request,
  route: string,
  params: Record<string, unknown>,
  maxPages: number,
  stop?: (items: T[]) => boolean,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const response = await request(route, { ...params, per_page: PER_PAGE, page });
    const items = response.data as T[];
    all.push(...items);
    const link = (response.headers as Record<string, string | undefined>).link ?? '';
    if (items.length < PER_PAGE || !/rel="next"/.test(link) || stop?.(items)) break;
  }
  return all;
}

export function githubApi(octokit: Octokit, log: (message: string) => void): GitHubApi {
  const request = octokit.request.bind(octokit) as Request;

  async function read<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new Error(`GitHub API: ${what} failed: ${describeError(error)}`, { cause: error });
    }
  }

  return {
    listPullRequestFiles(context) {
      const pull_number = pullNumber(context, 'listing the pull request files');
      return read('listing the pull request files', async () => {
        const files = await paginate<PullRequestFile & Record<string, unknown>>(
          request,
          'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
          { owner: context.owner, repo: context.repo, pull_number },
          MAX_FILE_PAGES,
        );
        if (files.length >= MAX_FILE_PAGES * PER_PAGE)
          log(`The pull request lists ${files.length} files, GitHub's maximum: later files are not seen.`);
        return files.map(({ filename, status, patch, previous_filename }) => ({
          filename,
          status,
          ...(patch === undefined ? {} : { patch }),
          ...(previous_filename === undefined ? {} : { previous_filename }),
        }));
      });
    },

    async listReviewCommentBodies(context) {
      if (!context.pullRequest) return [];
      const pull_number = context.pullRequest.number;
      return read('listing the review comments', async () => {
        const comments = await paginate<{ body: string }>(
          request,
          'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments',
          { owner: context.owner, repo: context.repo, pull_number },
          MAX_PAGES,
        );
        return comments.map((comment) => comment.body);
      });
    },

    async createCheckRun(context, run): Promise<ReporterOutcome> {
      const { owner, repo } = context;
      const [first, ...rest] = run.batches;
      const output = {
        title: run.title,
        summary: run.summary,
        ...(run.text === undefined ? {} : { text: run.text }),
      };
      let id: number;
      try {
        const response = await request('POST /repos/{owner}/{repo}/check-runs', {
          owner,
          repo,
          name: run.name,
          head_sha: context.pullRequest?.headSha ?? context.sha,
          status: 'completed',
          conclusion: run.conclusion,
          output: { ...output, ...(first && first.length > 0 ? { annotations: first as never[] } : {}) },
        });
        id = Number(response.data.id);
      } catch (error) {
        return writeOutcome('creating the check run', error);
      }
      // Annotations past the first 50 are appended by updates; an update also replaces the output's
      // text, so it is sent again.
      for (const [index, batch] of rest.entries()) {
        try {
          await request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
            owner,
            repo,
            check_run_id: id,
            output: { ...output, annotations: batch as never[] },
          });
        } catch (error) {
          return writeOutcome(
            `adding annotation batch ${index + 2} of ${run.batches.length} to check run ${id}`,
            error,
          );
        }
      }
      const count = run.batches.reduce((sum, batch) => sum + batch.length, 0);
      return {
        status: 'ok',
        detail: `check run ${id}: ${count} annotations in ${Math.max(run.batches.length, 1)} requests`,
      };
    },

    async createReview(context, comments): Promise<ReporterOutcome> {
      if (!context.pullRequest)
        return { status: 'failed', message: 'creating the review: the run has no pull request' };
      // An empty COMMENT review is refused by GitHub (422): nothing to post.
      if (comments.length === 0) return { status: 'ok', detail: 'no review comments' };
      try {
        const response = await request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
          owner: context.owner,
          repo: context.repo,
          pull_number: context.pullRequest.number,
          commit_id: context.pullRequest.headSha,
          event: 'COMMENT',
          comments: comments.map((comment) => ({ ...comment })),
        });
        return { status: 'ok', detail: `review ${response.data.id}: ${comments.length} comments` };
      } catch (error) {
        return writeOutcome('creating the review', error);
      }
    },

    async upsertStickyComment(context, body, marker): Promise<ReporterOutcome> {
      if (!context.pullRequest)
        return { status: 'failed', message: 'writing the summary comment: the run has no pull request' };
      const { owner, repo } = context;
      const issue_number = context.pullRequest.number;
      let existing: { id: number; body?: string } | undefined;
      try {
        const comments = await paginate<{ id: number; body?: string }>(
          request,
          'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
          { owner, repo, issue_number },
          MAX_PAGES,
          (items) => items.some((comment) => isStickyComment(comment.body ?? '', marker)),
        );
        existing = comments.find((comment) => isStickyComment(comment.body ?? '', marker));
      } catch (error) {
        return writeOutcome('listing the pull request comments', error);
      }
      try {
        if (existing) {
          await request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
            owner,
            repo,
            comment_id: existing.id,
            body,
          });
          return { status: 'ok', detail: `updated comment ${existing.id}` };
        }
        const response = await request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number,
          body,
        });
        return { status: 'ok', detail: `created comment ${response.data.id}` };
      } catch (error) {
        return writeOutcome(
          existing ? `updating comment ${existing.id}` : 'creating the summary comment',
          error,
        );
      }
    },
  };
}
