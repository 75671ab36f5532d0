#!/usr/bin/env node
/* global performance, structuredClone */
// Benchmark of the GitHub Action (not a timed test): the committed bundle (action.yml's runs.main) run as
// a child process on a generated 100-file pull request, the way the runner runs it (INPUT_* and GITHUB_*
// environment, a real pull_request payload from @octokit/webhooks-examples), against the e2e suite's
// mocked GitHub API (test/action/support/loopback-github.mjs: msw handlers on loopback).
//
//   node packages/github-action/bench/action.mjs      (BENCH_RUNS=3 by default; the median is printed)
//
// The pull request: 100 services (a Deployment and a Service each) on main; the branch moves every
// Deployment to a new image and makes one in ten privileged. Two configurations are timed:
//   - the default reporters of a same-repository PR: check run, review comments, summary comment, job
//     summary and SARIF. Its writes are spaced by @octokit/plugin-throttling as GitHub asks (1 s between
//     writes, 3 s before one that notifies, such as a review or a comment): that spacing is in the wall
//     time, and the time up to the first write (start, scan, diff, planning) is given apart;
//   - a fork PR (read-only token): job summary, workflow-command annotations and SARIF, one read request.
import { execFileSync, execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLoopbackGitHub } from '../../../test/action/support/loopback-github.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILES = 100;
const TARGET_MS = 1000;
const require = createRequire(import.meta.url);

const operations = JSON.parse(
  readFileSync(join(here, '..', 'test', 'fixtures', 'github-openapi.json'), 'utf8'),
).operations;
const bundle = join(
  repoRoot,
  /^ {2}main: (.+)$/m.exec(readFileSync(join(repoRoot, 'action.yml'), 'utf8'))[1],
);

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

/** The PR's files as `pulls.listFiles` returns them (the patch from git). */
function pullFiles(root, base, head) {
  const diff = git(root, ['diff', '--no-color', '--full-index', base, head]);
  return diff
    .split(/^(?=diff --git )/m)
    .filter((s) => s.startsWith('diff --git '))
    .map((section) => {
      const lines = section.replace(/\n$/, '').split('\n');
      const at = lines.findIndex((l) => l.startsWith('@@ '));
      const patch = lines.slice(at);
      const filename = lines.find((l) => l.startsWith('+++ b/')).slice(6);
      const additions = patch.filter((l) => l.startsWith('+')).length;
      const deletions = patch.filter((l) => l.startsWith('-')).length;
      return {
        sha: head,
        filename,
        status: 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        patch: patch.join('\n'),
      };
    });
}

function pullRequestEvent(headSha, baseSha, fork) {
  const definitions = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8'));
  const event = structuredClone(
    definitions.find((d) => d.name === 'pull_request').examples.find((e) => e.action === 'synchronize'),
  );
  event.pull_request.head.sha = headSha;
  event.pull_request.base.sha = baseSha;
  if (fork) event.pull_request.head.repo.full_name = `forker/${event.pull_request.head.repo.name}`;
  return event;
}

function runBundle(dir, workspace, event, apiUrl) {
  const runner = join(dir, 'runner');
  rmSync(runner, { recursive: true, force: true });
  mkdirSync(join(runner, 'temp'), { recursive: true });
  writeFileSync(join(runner, 'event.json'), JSON.stringify(event));
  writeFileSync(join(runner, 'output.txt'), '');
  writeFileSync(join(runner, 'summary.md'), '');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(runner, 'event.json'),
    GITHUB_REPOSITORY: event.repository.full_name,
    GITHUB_SHA: event.pull_request.head.sha,
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: apiUrl,
    GITHUB_OUTPUT: join(runner, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
    RUNNER_TEMP: join(runner, 'temp'),
    'INPUT_GITHUB-TOKEN': 'ghs_bench',
    INPUT_PATHS: '**/*.yaml\n**/*.yml\n**/*.json\n',
    'INPUT_FILTER-MODE': 'added',
    'INPUT_FAIL-ON': 'none',
    'INPUT_SARIF-FILE': 'shiftdown.sarif',
    'INPUT_REPORT-FILE': 'shiftdown-report.json',
  };
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
    const files = pullFiles(workspace, baseSha, headSha);
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
      pullRequestEvent(headSha, baseSha, false),
      files,
    );
    console.log(
      `| check, review, comment, summary, sarif (same-repository PR) | ${fmt(same.ms)} ms | ${fmt(same.cpuMs)} ms | ${fmt(same.firstWriteMs)} ms | ${same.requests} (${same.writes}) | ${same.checkAnnotations} | ${same.annotations} |`,
    );
    const fork = await measure('fork', dir, workspace, pullRequestEvent(headSha, baseSha, true), files);
    console.log(
      `| annotations, summary, sarif (fork PR, read-only token) | ${fmt(fork.ms)} ms | ${fmt(fork.cpuMs)} ms | — | ${fork.requests} (${fork.writes}) | ${fork.checkAnnotations} | ${fork.annotations} |`,
    );
    console.log(
      `\nthe Action's own work (start, scan, diff, reports) on ${FILES} files: ${fmt(fork.ms)} ms wall (${fmt(fork.cpuMs)} ms CPU) as a fork PR, ` +
        `${fmt(same.firstWriteMs)} ms to the first write (target ≤ ${fmt(TARGET_MS)} ms) ${Math.max(fork.ms, same.firstWriteMs) <= TARGET_MS ? 'OK' : 'OVER TARGET'}`,
    );
    console.log(
      `with the default reporters (check run, review, sticky comment) the wall time is ${fmt(same.ms)} ms, ${same.writes} writes included ` +
        `(a burst of up to 10 goes out at once; later writes are spaced as GitHub asks: src/github/pacing.ts) ` +
        `${same.ms <= TARGET_MS ? 'OK' : 'OVER TARGET'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
