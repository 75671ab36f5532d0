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
import { pullFiles as parsePullFiles } from './pull-files.mjs';

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

/** `pulls.listFiles` items from `git diff -M base head` (see pull-files.mjs). */
export function pullFiles(root: string, base: string, head: string): PullFile[] {
  const diff = git(root, ['diff', '-M', '--no-color', '--no-ext-diff', '--full-index', base, head]);
  return parsePullFiles(diff, { base, head });
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

/** Commits `changes` on main after the pull request branched off (the head stays where it is). */
export function moveBase(repo: PullRequestRepo, changes: Changes): string {
  git(repo.root, ['checkout', '--quiet', 'main']);
  write(repo.root, changes);
  const sha = commit(repo.root, 'main moves on');
  git(repo.root, ['checkout', '--quiet', 'feature']);
  return sha;
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
