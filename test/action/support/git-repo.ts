/**
 * Scenario workspaces: real git repositories in a temp dir, a base commit on `main` and a head commit on
 * `feature`, and the pull request's files as GitHub's `pulls.listFiles` returns them, with the patch text
 * git computed (rename detection on, as on github.com).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { PullFile } from './mock-github.js';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** A file of the repository's examples/services (read from there, never copied into the project). */
export function example(path: string): string {
  return readFileSync(join(REPO_ROOT, 'examples', 'services', path), 'utf8');
}

/** Path → content; `null` in a change deletes the file. */
export type Files = Record<string, string>;
export type Changes = Record<string, string | null>;

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Mona Lisa',
  GIT_AUTHOR_EMAIL: 'mona@example.com',
  GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
  GIT_COMMITTER_NAME: 'Mona Lisa',
  GIT_COMMITTER_EMAIL: 'mona@example.com',
  GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(root: string, args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: root, ...GIT_ENV },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

function write(root: string, changes: Changes): void {
  for (const [path, text] of Object.entries(changes)) {
    const absolute = join(root, path);
    if (text === null) rmSync(absolute);
    else {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
  }
}

function commit(root: string, message: string): string {
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '--allow-empty', '-m', message]);
  return git(root, ['rev-parse', 'HEAD']).trim();
}

/**
 * `pulls.listFiles` items from `git diff -M base head`: status, counts and the `patch` (the hunks, from
 * the first `@@` on, as GitHub sends them).
 */
export function pullFiles(
  root: string,
  base: string,
  head: string,
  owner = 'Codertocat',
  repo = 'Hello-World',
): PullFile[] {
  const diff = git(root, ['diff', '-M', '--no-color', '--no-ext-diff', '--full-index', base, head]);
  const sections = diff.split(/^(?=diff --git )/m).filter((section) => section.startsWith('diff --git '));
  return sections.map((section) => {
    const lines = section.replace(/\n$/, '').split('\n');
    const hunkStart = lines.findIndex((line) => line.startsWith('@@ '));
    const meta = hunkStart < 0 ? lines : lines.slice(0, hunkStart);
    const patchLines = hunkStart < 0 ? [] : lines.slice(hunkStart);
    const value = (prefix: string) => meta.find((line) => line.startsWith(prefix))?.slice(prefix.length);
    const renamedFrom = value('rename from ');
    const filename =
      value('rename to ') ??
      value('+++ b/') ??
      value('--- a/') ??
      (/ b\/(.+)$/.exec(lines[0]!)?.[1] as string);
    const status =
      value('new file mode ') !== undefined
        ? 'added'
        : value('deleted file mode ') !== undefined
          ? 'removed'
          : renamedFrom !== undefined
            ? 'renamed'
            : 'modified';
    const additions = patchLines.filter((line) => line.startsWith('+')).length;
    const deletions = patchLines.filter((line) => line.startsWith('-')).length;
    const blob = /^index [0-9a-f]+\.\.([0-9a-f]+)/m.exec(section)?.[1] ?? '0'.repeat(40);
    const sha = /^0+$/.test(blob) ? '0'.repeat(40) : blob;
    const ref = status === 'removed' ? base : head;
    const file: PullFile = {
      sha,
      filename,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/${owner}/${repo}/blob/${ref}/${filename}`,
      raw_url: `https://github.com/${owner}/${repo}/raw/${ref}/${filename}`,
      contents_url: `https://api.github.com/repos/${owner}/${repo}/contents/${filename}?ref=${ref}`,
    };
    if (patchLines.length > 0) file.patch = patchLines.join('\n');
    if (renamedFrom !== undefined) file.previous_filename = renamedFrom;
    return file;
  });
}

export interface PullRequestRepo {
  /** The temp dir: `workspace/` (the checkout) and room for the runner's files next to it. */
  dir: string;
  /** The checkout (GITHUB_WORKSPACE). */
  root: string;
  baseSha: string;
  headSha: string;
  /** The PR's files as `pulls.listFiles` returns them. */
  files: PullFile[];
  cleanup(): void;
}

/** A repository with `base` committed on main and `changes` on top of it on feature (checked out). */
export function pullRequestRepo(base: Files, changes: Changes): PullRequestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdown-action-e2e-'));
  const root = join(dir, 'workspace');
  mkdirSync(root);
  git(root, ['init', '--quiet', '--initial-branch=main']);
  write(root, base);
  const baseSha = commit(root, 'base');
  git(root, ['checkout', '--quiet', '-b', 'feature']);
  write(root, changes);
  const headSha = commit(root, 'change');
  return {
    dir,
    root,
    baseSha,
    headSha,
    files: pullFiles(root, baseSha, headSha),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Pushes one more commit to the pull request's branch: `headSha` moves, and `files` (the same array the
 * mocked `pulls.listFiles` serves) becomes the new base..head diff.
 */
export function pushCommit(repo: PullRequestRepo, changes: Changes): void {
  write(repo.root, changes);
  repo.headSha = commit(repo.root, 'more');
  repo.files.splice(0, repo.files.length, ...pullFiles(repo.root, repo.baseSha, repo.headSha));
}

/**
 * The checkout actions/checkout makes for a pull_request event: the merge commit alone (a depth-1 clone
 * of refs/pull/N/merge), with `origin` the repository; base and head are not in it.
 */
export function mergeCheckout(repo: PullRequestRepo): { root: string; mergeSha: string } {
  git(repo.root, ['checkout', '--quiet', '-b', 'pull-merge', 'main']);
  git(repo.root, ['merge', '--quiet', '--no-ff', '-m', 'Merge feature into main', 'feature']);
  const mergeSha = git(repo.root, ['rev-parse', 'HEAD']).trim();
  git(repo.root, ['checkout', '--quiet', 'feature']);
  const root = join(repo.dir, 'checkout');
  git(repo.dir, ['clone', '--quiet', '--depth=1', '--branch', 'pull-merge', `file://${repo.root}`, root]);
  return { root, mergeSha };
}
