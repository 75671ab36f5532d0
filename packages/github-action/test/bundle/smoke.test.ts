import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PRIVILEGED } from '../run/fixture.js';
import { startLoopbackGitHub, type LoopbackRequest } from './loopback-github.js';

/**
 * The committed bundle, run the way the runner runs it: `node bundle/index.mjs` with INPUT_* variables, an
 * event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GitHub's API on loopback.
 */
const BUNDLE = resolve(__dirname, '..', '..', 'bundle', 'index.mjs');

const PATCH = `@@ -0,0 +1,11 @@\n${PRIVILEGED.trimEnd()
  .split('\n')
  .map((line) => `+${line}`)
  .join('\n')}`;

function runBundle(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BUNDLE], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `name<<delimiter\nvalue\ndelimiter` blocks of GITHUB_OUTPUT. */
function outputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) out[match[1]!] = match[3]!;
  return out;
}

describe('the bundled Action (bundle/index.mjs)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('scans a pull request, reports through the API at the changed lines, writes outputs and fails the gate', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftdown-action-'));
    const workspace = join(dir, 'repo');
    mkdirSync(join(workspace, 'k8s'), { recursive: true });
    writeFileSync(join(workspace, 'k8s', 'pod.yaml'), PRIVILEGED);
    writeFileSync(join(workspace, '.github-workflow.yml'), 'on: push\njobs: {}\n');
    const event = {
      action: 'opened',
      number: 7,
      pull_request: {
        number: 7,
        head: { sha: 'head000', ref: 'feature', repo: { full_name: 'acme/app' } },
        base: { sha: 'base000', ref: 'main', repo: { full_name: 'acme/app' } },
      },
      repository: { full_name: 'acme/app' },
    };
    writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
    writeFileSync(join(dir, 'output.txt'), '');
    writeFileSync(join(dir, 'summary.md'), '');

    const github = await startLoopbackGitHub((request: LoopbackRequest) => {
      switch (request.operation) {
        case 'pulls/list-files':
          return { status: 200, body: [{ filename: 'k8s/pod.yaml', status: 'added', patch: PATCH }] };
        case 'pulls/list-review-comments':
        case 'issues/list-comments':
          return { status: 200, body: [] };
        default:
          return { status: 201, body: { id: 42 } };
      }
    });
    try {
      const result = await runBundle({
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_SHA: 'merge000',
        GITHUB_WORKSPACE: workspace,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: github.url,
        GITHUB_OUTPUT: join(dir, 'output.txt'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
        'INPUT_GITHUB-TOKEN': 'test-token',
        'INPUT_FAIL-ON': 'high',
        'INPUT_FILTER-MODE': 'added',
        INPUT_PATHS: '**/*.yaml\n**/*.yml',
        'INPUT_SARIF-FILE': 'shiftdown.sarif',
        'INPUT_REPORT-FILE': 'shiftdown-report.json',
      });
      expect(github.problems).toEqual([]);
      expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /repos/acme/app/pulls/7/files',
        'POST /repos/acme/app/check-runs',
        'GET /repos/acme/app/pulls/7/comments',
        'POST /repos/acme/app/pulls/7/reviews',
        'GET /repos/acme/app/issues/7/comments',
        'POST /repos/acme/app/issues/7/comments',
      ]);
      const check = github.requests[1]!.body as {
        head_sha: string;
        conclusion: string;
        output: { annotations: { path: string; start_line: number }[] };
      };
      expect(check.head_sha).toBe('head000');
      expect(check.conclusion).toBe('failure');
      expect(check.output.annotations.some((a) => a.path === 'k8s/pod.yaml' && a.start_line === 11)).toBe(
        true,
      );
      const review = github.requests[3]!.body as {
        commit_id: string;
        comments: { path: string; line: number; body: string }[];
      };
      expect(review.commit_id).toBe('head000');
      expect(review.comments.length).toBeGreaterThan(0);
      expect(review.comments.every((c) => c.path === 'k8s/pod.yaml' && c.line >= 1 && c.line <= 11)).toBe(
        true,
      );
      expect(review.comments.find((c) => c.line === 11)?.body).toContain('<!-- shiftdown:fingerprint=');
      expect((github.requests[5]!.body as { body: string }).body).toMatch(/^<!-- shiftdown:summary -->/);

      expect(result.code).toBe(1);
      expect(result.stdout).toContain('::error::');
      const out = outputs(readFileSync(join(dir, 'output.txt'), 'utf8'));
      expect(Object.keys(out).sort()).toEqual([
        'findings',
        'grade',
        'new-findings',
        'report-file',
        'sarif-file',
        'score',
      ]);
      expect(Number(out.findings)).toBeGreaterThan(0);
      expect(out['sarif-file']).toBe('shiftdown.sarif');
      const sarif = JSON.parse(readFileSync(join(workspace, 'shiftdown.sarif'), 'utf8')) as {
        version: string;
        runs: { results: unknown[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.results).toHaveLength(Number(out.findings));
      const report = JSON.parse(readFileSync(join(workspace, 'shiftdown-report.json'), 'utf8')) as {
        files: { path: string; documents: number }[];
      };
      // The workflow file is read and skipped as not a Kubernetes object.
      expect(report.files.map((f) => [f.path, f.documents])).toEqual([
        ['.github-workflow.yml', 0],
        ['k8s/pod.yaml', 1],
      ]);
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('privileged-container');
    } finally {
      await github.close();
    }
  }, 90_000);
});
