#!/usr/bin/env node
/* global performance */
// Benchmark of the GitHub Action (not a timed test): the committed bundle (action.yml's runs.main) run as
// a child process on a generated 100-file pull request, the way the runner runs it (INPUT_* and GITHUB_*
// environment, a real pull_request payload from @octokit/webhooks-examples: the e2e suite's
// test/action/support/*.mjs helpers), against the mocked GitHub API on loopback
// (test/github/loopback-github.mjs, the same msw handlers as every test).
//
//   node packages/github-action/bench/action.mjs      (BENCH_RUNS=3 by default; the median is printed)
//
// The pull request: 100 services (a Deployment and a Service each) on main; the branch moves every
// Deployment to a new image and makes one in ten privileged. Two configurations are timed:
//   - the default reporters of a same-repository PR: check run, review comments, summary comment, job
//     summary and SARIF. A run's few writes go out at once (the write budget of src/github/octokit.ts:
//     10 writes, 3 notifying ones, refilled at 1 a second and 1 every 3 s), so the wall time holds no
//     deliberate spacing; the time up to the first write (start, scan, diff, planning) is given apart;
//   - a fork PR (read-only token): job summary, workflow-command annotations and SARIF, one read request;
//   - the default reporters on actions/checkout's default checkout, the merge commit alone, after main
//     moved on: a comment line on top of every Deployment, so the Action maps every finding back to the
//     head commit's lines (src/run/head-lines.ts). The head commit is fetched before the runs, as
//     `fetch-depth: 0` has it: a fetch's time is the network's.
import { execFileSync, execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionDefinition, prepareRunner, runnerEnv } from '../../../test/action/support/action-runner.mjs';
import { pullFiles } from '../../../test/action/support/pull-files.mjs';
import { PR_NUMBER, pullRequestEvent } from '../../../test/action/support/webhook-events.mjs';
import { startLoopbackGitHub } from '../test/github/loopback-github.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILES = 100;
const TARGET_MS = 1000;
const require = createRequire(import.meta.url);

const operations = JSON.parse(
  readFileSync(join(here, '..', 'test', 'fixtures', 'github-openapi.json'), 'utf8'),
).operations;
const action = actionDefinition(readFileSync(join(repoRoot, 'action.yml'), 'utf8'), 'ghs_bench');
const bundle = join(repoRoot, action.main);
const webhooks = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8'));

function service(i, { image = '1.4.2', privileged = false } = {}) {
  const name = `svc-${String(i).padStart(3, '0')}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: team-${i % 10}
spec:
  replicas: 2
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: registry.example.com/${name}:${image}
          ports:
            - containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: ["ALL"] }${privileged ? '\n            privileged: true' : ''}
          resources:
            requests: { cpu: 50m, memory: 64Mi }
            limits: { memory: 128Mi }
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: team-${i % 10}
spec:
  selector: { app: ${name} }
  ports:
    - port: 80
      targetPort: 8080
`;
}

const gitEnv = {
  PATH: process.env.PATH ?? '',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (cwd, args) =>
  execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...gitEnv, HOME: cwd },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });

function writeServices(root, options) {
  for (let i = 1; i <= FILES; i++) {
    const dir = join(root, 'services', `svc-${String(i).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'deployment.yaml'), service(i, options(i)));
  }
}

/** actions/checkout's checkout of the merge commit, after main moved on: every file gets a first line. */
function mergeCheckout(dir, workspace, headSha) {
  git(workspace, ['checkout', '--quiet', 'main']);
  for (let i = 1; i <= FILES; i++) {
    const file = join(workspace, 'services', `svc-${String(i).padStart(3, '0')}`, 'deployment.yaml');
    writeFileSync(file, `# Owned by team-${i % 10}.\n${readFileSync(file, 'utf8')}`);
  }
  git(workspace, ['commit', '--quiet', '-am', 'owners']);
  git(workspace, ['checkout', '--quiet', '-b', 'pull-merge']);
  git(workspace, ['merge', '--quiet', '--no-ff', '-m', 'Merge feature', 'feature']);
  git(workspace, ['checkout', '--quiet', 'feature']);
  const checkout = join(dir, 'checkout');
  git(dir, ['clone', '--quiet', '--depth=1', '--branch', 'pull-merge', `file://${workspace}`, checkout]);
  git(checkout, ['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', headSha]);
  return checkout;
}

function runBundle(dir, workspace, event, apiUrl) {
  const runner = join(dir, 'runner');
  rmSync(runner, { recursive: true, force: true });
  const env = runnerEnv({
    runner,
    files: prepareRunner(runner, event),
    eventName: 'pull_request',
    repository: event.repository.full_name,
    sha: event.pull_request.head.sha,
    ref: `refs/pull/${PR_NUMBER}/merge`,
    workspace,
    apiUrl,
    // action.yml's defaults, but a gate that never fails the run.
    inputs: { ...action.inputs, 'fail-on': 'none' },
  });
  // The child's CPU time, written when it exits (the bundle runs unchanged, in the same process): the
  // wall time of a shared machine varies with its load, the CPU time much less.
  const cpuFile = join(runner, 'cpu.json');
  const cpuHook = `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(cpuFile)}, JSON.stringify(process.cpuUsage())));`,
  )}`;
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--import', cpuHook, bundle],
      { cwd: workspace, env, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        if (error) return fail(new Error(`the bundle failed (${error.code}): ${stderr || stdout}`));
        const { user, system } = JSON.parse(readFileSync(cpuFile, 'utf8'));
        done({ ms: performance.now() - started, cpuMs: (user + system) / 1000, startedAt: started, stdout });
      },
    );
  });
}

async function measure(label, dir, workspace, event, files) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const github = await startLoopbackGitHub({ operations, files });
    const serverStarted = performance.now();
    try {
      const run = await runBundle(dir, workspace, event, github.url);
      if (github.problems.length > 0) throw new Error(`${label}: ${github.problems.join('; ')}`);
      const writes = github.requests.filter((r) => r.method !== 'GET');
      // Request times are relative to the server's start: shift them to the child's.
      const shift = serverStarted - run.startedAt;
      runs.push({
        ms: run.ms,
        cpuMs: run.cpuMs,
        requests: github.requests.length,
        writes: writes.length,
        firstWriteMs: writes.length > 0 ? writes[0].at + shift : undefined,
        annotations: run.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l)).length,
        checkAnnotations: github
          .of('checks/create')
          .concat(github.of('checks/update'))
          .reduce((n, r) => n + (r.body.output.annotations?.length ?? 0), 0),
      });
    } finally {
      await github.close();
    }
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdown-action-bench-'));
  try {
    const workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    git(workspace, ['init', '--quiet', '--initial-branch=main']);
    writeServices(workspace, () => ({}));
    git(workspace, ['add', '--all']);
    git(workspace, ['commit', '--quiet', '-m', 'base']);
    const baseSha = git(workspace, ['rev-parse', 'HEAD']).trim();
    git(workspace, ['checkout', '--quiet', '-b', 'feature']);
    writeServices(workspace, (i) => ({ image: '1.5.0', privileged: i % 10 === 0 }));
    git(workspace, ['commit', '--quiet', '-am', 'new image; some privileged']);
    const headSha = git(workspace, ['rev-parse', 'HEAD']).trim();
    const files = pullFiles(git(workspace, ['diff', '--no-color', '--full-index', baseSha, headSha]), {
      base: baseSha,
      head: headSha,
    });
    if (files.length !== FILES) throw new Error(`expected a ${FILES}-file PR, got ${files.length} files`);

    console.log(
      `Shiftdown GitHub Action — the bundle (${bundle.slice(repoRoot.length + 1)}) on a generated ${FILES}-file pull request, ` +
        `node ${process.version}, median of ${RUNS} runs, each a fresh process; GitHub API mocked on loopback\n`,
    );
    console.log(
      '| reporters | wall time | CPU time | before the first write | requests (writes) | check-run annotations | workflow commands |',
    );
    console.log('|---|---|---|---|---|---|---|');
    const same = await measure(
      'default reporters',
      dir,
      workspace,
      pullRequestEvent(webhooks, { action: 'synchronize', headSha, baseSha }),
      files,
    );
    console.log(
      `| check, review, comment, summary, sarif (same-repository PR) | ${fmt(same.ms)} ms | ${fmt(same.cpuMs)} ms | ${fmt(same.firstWriteMs)} ms | ${same.requests} (${same.writes}) | ${same.checkAnnotations} | ${same.annotations} |`,
    );
    const fork = await measure(
      'fork',
      dir,
      workspace,
      pullRequestEvent(webhooks, { action: 'synchronize', headSha, baseSha, fork: true }),
      files,
    );
    console.log(
      `| annotations, summary, sarif (fork PR, read-only token) | ${fmt(fork.ms)} ms | ${fmt(fork.cpuMs)} ms | — | ${fork.requests} (${fork.writes}) | ${fork.checkAnnotations} | ${fork.annotations} |`,
    );
    const merged = await measure(
      'merge checkout',
      dir,
      mergeCheckout(dir, workspace, headSha),
      pullRequestEvent(webhooks, { action: 'synchronize', headSha, baseSha }),
      files,
    );
    // The same annotations as on the head commit's checkout, or the mapping is broken.
    if (merged.checkAnnotations !== same.checkAnnotations)
      throw new Error(`merge checkout: ${merged.checkAnnotations} annotations, not ${same.checkAnnotations}`);
    console.log(
      `| check, review, comment, summary, sarif (merge-commit checkout, main changed every file) | ${fmt(merged.ms)} ms | ${fmt(merged.cpuMs)} ms | ${fmt(merged.firstWriteMs)} ms | ${merged.requests} (${merged.writes}) | ${merged.checkAnnotations} | ${merged.annotations} |`,
    );
    console.log(
      `\nthe Action's own work (start, scan, diff, reports) on ${FILES} files: ${fmt(fork.ms)} ms wall (${fmt(fork.cpuMs)} ms CPU) as a fork PR, ` +
        `${fmt(same.firstWriteMs)} ms to the first write (target ≤ ${fmt(TARGET_MS)} ms) ${Math.max(fork.ms, same.firstWriteMs) <= TARGET_MS ? 'OK' : 'OVER TARGET'}`,
    );
    console.log(
      `with the default reporters (check run, review, sticky comment) the wall time is ${fmt(same.ms)} ms, ${same.writes} writes included ` +
        `(a burst of up to 10 goes out at once; later writes are spaced as GitHub asks: src/github/octokit.ts) ` +
        `${same.ms <= TARGET_MS ? 'OK' : 'OVER TARGET'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
