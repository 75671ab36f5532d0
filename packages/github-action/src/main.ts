/**
 * The Action's entry point (bundled into bundle/index.mjs): wires the real world — @actions/core, the
 * event payload, Octokit, git, the kubeconform installer — to `runAction`, which does the work and is
 * tested with all of these injected.
 */
import * as core from '@actions/core';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { InputFile, SchemaValidator } from '@shiftdown/policy-core';
import {
  createEmbeddedValidator,
  installKubeconform,
  kubeconformValidator,
  runKubeconform,
  withFallbackForMissing,
} from '@shiftdown/kubeconform';
import { createOctokit } from './github/octokit.js';
import { githubApi } from './github/api.js';
import { nodeFiles, parseInputs, readRunContext, runAction } from './run/index.js';
import type { ActionIO, ActionInputs, RunContext } from './types.js';

const run = promisify(execFile);

const io: ActionIO = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  command: (line) => void process.stdout.write(`${line}\n`),
  setOutput: (name, value) => core.setOutput(name, value),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
  setFailed: (message) => core.setFailed(message),
};

type Git = (args: string[]) => Promise<{ stdout: string }>;

function gitIn(workspace: string): Git {
  return (args) => run('git', args, { cwd: workspace, maxBuffer: 256 * 1024 * 1024 });
}

/** Fetches the commits the checkout lacks: actions/checkout clones the merge commit alone (depth 1). */
async function fetchMissing(git: Git, shas: string[]): Promise<void> {
  const missing: string[] = [];
  for (const sha of shas) {
    try {
      await git(['cat-file', '-e', `${sha}^{commit}`]);
    } catch {
      missing.push(sha);
    }
  }
  if (missing.length > 0) await git(['fetch', '--no-tags', '--depth=1', 'origin', ...missing]);
}

const DIFF = ['diff', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/'];

/**
 * `git diff` of the pull request, from the checkout. Without the history to find their merge base (a
 * depth-1 checkout) the diff is taken between base and head directly (the same, unless the base branch
 * moved on since the pull request branched off).
 */
async function gitDiff(workspace: string, baseSha: string, headSha: string): Promise<string> {
  const git = gitIn(workspace);
  await fetchMissing(git, [baseSha, headSha]);
  try {
    return (await git([...DIFF, `${baseSha}...${headSha}`])).stdout;
  } catch {
    return (await git([...DIFF, baseSha, headSha])).stdout;
  }
}

/** Beyond this many files the whole checkout diff is taken: a command line has a length limit. */
const MAX_PATHSPECS = 1000;

/**
 * `git diff` from the pull request's head to the checkout (the merge commit), of `paths` only, or
 * undefined when the checkout is the head.
 */
async function checkoutDiff(
  workspace: string,
  headSha: string,
  paths: readonly string[],
): Promise<string | undefined> {
  const git = gitIn(workspace);
  if ((await git(['rev-parse', 'HEAD'])).stdout.trim() === headSha) return undefined;
  await fetchMissing(git, [headSha]);
  const pathspecs = paths.length <= MAX_PATHSPECS ? ['--', ...paths.map((path) => `:(literal)${path}`)] : [];
  return (await git([...DIFF, '--no-renames', '--unified=0', headSha, 'HEAD', ...pathspecs])).stdout;
}

/**
 * The embedded validator, or — with `kubeconform-version` — that kubeconform release (downloaded and
 * sha256-verified) run over the collected manifests, with the embedded validator for the custom resources
 * kubeconform has no schema for. An installation or run failure is a warning, never a lost validation.
 */
function schemaValidator(
  inputs: ActionInputs,
  context: RunContext,
): (manifests: readonly InputFile[]) => Promise<SchemaValidator> {
  return async (manifests) => {
    const embedded = createEmbeddedValidator();
    if (!inputs.kubeconformVersion) return embedded;
    try {
      const binary = await installKubeconform({ version: inputs.kubeconformVersion });
      const result = await runKubeconform({
        binary,
        cwd: context.workspace,
        inputs: manifests.map((file) => ({
          path: file.path,
          text: file.text,
          diskPath: join(context.workspace, file.path),
        })),
        ...(inputs.kubernetesVersion && { kubernetesVersion: inputs.kubernetesVersion }),
      });
      return withFallbackForMissing(kubeconformValidator(result), embedded);
    } catch (error) {
      core.warning(
        `kubeconform ${inputs.kubeconformVersion}: ${error instanceof Error ? error.message : String(error)}; validating with the embedded schemas instead`,
      );
      return embedded;
    }
  };
}

async function main(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const context = await readRunContext(process.env, (path) => readFile(path, 'utf8'));
    const github = inputs.token
      ? githubApi(
          createOctokit({ token: inputs.token, apiUrl: context.apiUrl, log: (m) => core.info(m) }),
          (m) => core.info(m),
        )
      : undefined;
    await runAction({
      inputs,
      context,
      io,
      ...(github && { github }),
      files: nodeFiles,
      gitDiff: (base, head) => gitDiff(context.workspace, base, head),
      checkoutDiff: (head, paths) => checkoutDiff(context.workspace, head, paths),
      schemaValidator: schemaValidator(inputs, context),
    });
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

await main();
