import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ActionIO, GitHubApi, PullRequestFile, ReporterOutcome, RunContext } from '../../src/types.js';

export const HARDENED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: registry.example.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          ports:
            - containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
`;

export const PRIVILEGED = `apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: shop
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
`;

export const WORKFLOW = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;

/** A small repository in a temp dir; `extra` adds or overrides files. */
export function writeRepo(extra: Record<string, string> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'shiftdown-run-'));
  const files: Record<string, string> = {
    'deploy/web.yaml': HARDENED,
    'deploy/debug.yaml': PRIVILEGED,
    '.github/workflows/ci.yml': WORKFLOW,
    'node_modules/pkg/pod.yaml': PRIVILEGED,
    'README.md': '# demo\n',
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface RecordingIO extends ActionIO {
  log: string[];
  outputs: Record<string, string>;
  commands: string[];
  summaries: string[];
  failed: string[];
}

/** Records every call, in order, as `kind: text` lines (commands also kept apart). */
export function recordingIO(): RecordingIO {
  const io: RecordingIO = {
    log: [],
    outputs: {},
    commands: [],
    summaries: [],
    failed: [],
    info: (message) => void io.log.push(`info: ${message}`),
    warning: (message) => void io.log.push(`warning: ${message}`),
    command: (line) => void io.commands.push(line),
    setOutput: (name, value) => void (io.outputs[name] = value),
    appendSummary: async (markdown) => void io.summaries.push(markdown),
    setFailed: (message) => void io.failed.push(message),
  };
  return io;
}

export interface FakeGitHub extends GitHubApi {
  calls: string[];
  checkRuns: Parameters<GitHubApi['createCheckRun']>[1][];
  reviews: Parameters<GitHubApi['createReview']>[1][];
  stickies: string[];
}

export interface FakeGitHubOptions {
  files?: PullRequestFile[] | Error;
  existingBodies?: string[];
  outcome?: Partial<Record<'check' | 'review' | 'comment', ReporterOutcome>>;
}

export function fakeGitHub(options: FakeGitHubOptions = {}): FakeGitHub {
  const ok: ReporterOutcome = { status: 'ok' };
  const api: FakeGitHub = {
    calls: [],
    checkRuns: [],
    reviews: [],
    stickies: [],
    async listPullRequestFiles(context: RunContext) {
      api.calls.push(`listPullRequestFiles #${context.pullRequest?.number}`);
      if (options.files instanceof Error) throw options.files;
      return options.files ?? [];
    },
    async listReviewCommentBodies() {
      api.calls.push('listReviewCommentBodies');
      return options.existingBodies ?? [];
    },
    async createCheckRun(_context, run) {
      api.calls.push(`createCheckRun ${run.conclusion}`);
      api.checkRuns.push(run);
      return options.outcome?.check ?? ok;
    },
    async createReview(_context, comments) {
      api.calls.push(`createReview ${comments.length}`);
      api.reviews.push(comments);
      return options.outcome?.review ?? ok;
    },
    async upsertStickyComment(_context, body, marker) {
      api.calls.push(`upsertStickyComment ${marker}`);
      api.stickies.push(body);
      return options.outcome?.comment ?? ok;
    },
  };
  return api;
}
