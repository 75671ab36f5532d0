import {
  DEFAULT_HELP_URI_BASE,
  formatReport,
  helpUriResolver,
  readConfigFile,
  scan,
} from '@shiftdown/policy-core';
import type { Finding, InputFile, Report, SchemaValidator, ShiftdownConfig } from '@shiftdown/policy-core';
import { DiffIndex, changedFilesFromApi, parseGitDiff } from '../diff/index.js';
import {
  STICKY_MARKER,
  anyCommentable,
  jobSummary,
  lastLine,
  planCheckRun,
  planReviewComments,
  planWorkflowCommands,
  stickyComment,
  type Commentable,
} from '../annotations/index.js';
import type {
  ActionIO,
  ActionInputs,
  GitHubApi,
  ReporterName,
  ReporterOutcome,
  RunContext,
} from '../types.js';
import { loadBaseline, newFindings } from './baseline.js';
import { collectManifests } from './collect.js';
import { withTemplateFindings } from './templates.js';
import { loadTemplateValues } from './template-values.js';
import { inWorkspace, isNotFound, type RunFiles } from './files.js';
import { decideGate, type GateDecision } from './gate.js';
import { checkoutLineMap, findingsOnHead, type CheckoutDiff } from './head-lines.js';
import { chooseReporters } from './reporters.js';

export const CONFIG_FILE = '.shiftdown.yaml';
export const CHECK_NAME = 'Shiftdown';

export interface RunActionOptions {
  inputs: ActionInputs;
  context: RunContext;
  io: ActionIO;
  /** Absent without a token. */
  github?: GitHubApi;
  files: RunFiles;
  /** `git diff` of the PR (base..head), used when the API cannot list the files. */
  gitDiff?: (baseSha: string, headSha: string) => Promise<string>;
  /** `git diff` from the PR's head to the checkout (undefined: the checkout is the head); see head-lines.ts. */
  checkoutDiff?: CheckoutDiff;
  /**
   * Schema validation: a validator, or a factory given the collected manifests (kubeconform must run on
   * them before the scan).
   */
  schemaValidator?: SchemaValidator | ((manifests: readonly InputFile[]) => Promise<SchemaValidator>);
  /** Today as YYYY-MM-DD (exemption expiry); default the current UTC date. */
  today?: string;
}

export type DiffSource = 'api' | 'git' | 'none';

export interface RunActionResult {
  report?: Report;
  gate?: GateDecision;
  /** The reporters chosen (before any fallback). */
  reporters: ReporterName[];
  outcomes: Partial<Record<ReporterName, ReporterOutcome>>;
  /** Reporters refused for lack of permission (annotations ran in their place). */
  refused: ReporterName[];
  diffSource: DiffSource;
  /** Unsuppressed findings inside the filter (what the annotating reporters saw). */
  inFilter: number;
  /**
   * When the checkout is not the PR's head (the merge commit): findings moved to the head's lines, and
   * findings left unannotated because the head does not have their line.
   */
  onHead?: { moved: number; left: number };
  newFindings: number;
  /** Set when the run could not produce a report (bad config, unreadable baseline, …). */
  error?: string;
}

async function loadConfig(
  inputs: ActionInputs,
  workspace: string,
  files: RunFiles,
): Promise<{ config?: ShiftdownConfig; path?: string }> {
  const path = inputs.config ?? CONFIG_FILE;
  let bytes: Uint8Array;
  try {
    bytes = await files.readFile(inWorkspace(workspace, path));
  } catch (error) {
    // Only a config named by the input must exist.
    if (isNotFound(error) && inputs.config === undefined) return {};
    throw new Error(
      isNotFound(error)
        ? `config file ${path} not found`
        : `cannot read ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const shown = path.replace(/^\.\//, '');
  const read = readConfigFile(bytes, shown);
  if (read.errors) throw new Error(`invalid config ${path}:\n${read.errors.join('\n')}`);
  return { config: read.config, path: shown };
}

async function computeDiff(
  context: RunContext,
  io: ActionIO,
  github: GitHubApi | undefined,
  gitDiff: RunActionOptions['gitDiff'],
): Promise<{ index?: DiffIndex; source: DiffSource }> {
  const pr = context.pullRequest;
  if (!pr) return { source: 'none' };
  if (github) {
    try {
      return {
        index: new DiffIndex(changedFilesFromApi(await github.listPullRequestFiles(context))),
        source: 'api',
      };
    } catch (error) {
      io.info(`Shiftdown: cannot list the pull request files (${(error as Error).message}); using git diff.`);
    }
  }
  if (gitDiff) {
    try {
      return { index: new DiffIndex(parseGitDiff(await gitDiff(pr.baseSha, pr.headSha))), source: 'git' };
    } catch (error) {
      io.warning(`Shiftdown: git diff ${pr.baseSha}..${pr.headSha} failed: ${(error as Error).message}`);
    }
  }
  io.warning('Shiftdown: the pull request diff is unknown: annotating every finding (filter-mode nofilter).');
  return { source: 'none' };
}

// The files the Action reads or writes itself, never scanned: the config, the baseline report and the
// JSON and SARIF reports (the default `**/*.json` glob matches them, in every later run in the same
// checkout too). Paths outside the workspace are never walked anyway.
function ownFiles(inputs: ActionInputs, configPath: string | undefined): string[] {
  const paths = [configPath, inputs.baseline, inputs.reportFile, inputs.sarifFile];
  return paths
    .filter((path): path is string => path !== undefined && path !== '')
    .map((path) => path.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
}

/**
 * The findings at the lines the pull request shows: the PR head's. The scan saw the checkout, which for a
 * pull request is by default the merge commit: where the base branch moved lines since the PR branched
 * off, they are moved back (head-lines.ts). `annotatable` for annotations and review comments, `listed`
 * (every finding) for the Markdown of the check run, the sticky comment and the job summary.
 */
async function findingsOnPullRequest(
  report: Report,
  context: RunContext,
  io: ActionIO,
  checkoutDiff: CheckoutDiff | undefined,
  result: RunActionResult,
): Promise<{ annotatable: readonly Finding[]; listed: readonly Finding[] }> {
  const paths = [...new Set(report.findings.map((finding) => finding.file))];
  const map = await checkoutLineMap(context, io, checkoutDiff, paths);
  if (!map) return { annotatable: report.findings, listed: report.findings };
  const onHead = findingsOnHead(report.findings, map);
  result.onHead = { moved: onHead.moved, left: onHead.left };
  io.info(
    `Shiftdown: the base branch changed ${plural(map.size, 'file')} with findings since the pull request branched off (the checkout is not its head): ` +
      `${plural(onHead.moved, 'finding')} moved to the head's lines` +
      (onHead.left > 0
        ? `, ${onHead.left} on lines only the base branch has left unannotated (they are in the report and the gate).`
        : '.'),
  );
  return onHead;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The gate's verdict under the report's Markdown, for the job summary and the sticky comment. */
function gateMarkdown(gate: GateDecision, softFail: boolean): string {
  if (gate.reasons.length === 0) return '**Gate:** passed ✅';
  const verdict = softFail ? 'failed (soft-fail: the job passes)' : 'failed ❌';
  return [`**Gate:** ${verdict}`, '', ...gate.reasons.map((reason) => `- ${reason}`)].join('\n');
}

/**
 * One run of the Action: scan the workspace, write the JSON report and SARIF, report through the chosen
 * reporters (refusals degrade to workflow-command annotations and never fail the job), set the outputs,
 * and fail the job when the gate says so.
 */
export async function runAction(options: RunActionOptions): Promise<RunActionResult> {
  const { inputs, context, io, github, files } = options;
  const result: RunActionResult = {
    reporters: [],
    outcomes: {},
    refused: [],
    diffSource: 'none',
    inFilter: 0,
    newFindings: 0,
  };
  let report: Report;
  let open: Finding[];
  let fresh: Finding[];
  try {
    const { config, path: configPath } = await loadConfig(inputs, context.workspace, files);
    const manifests = await collectManifests(
      context.workspace,
      inputs.paths,
      {
        ...(config?.include && { include: config.include }),
        ...(config?.exclude && { exclude: config.exclude }),
        ignore: ownFiles(inputs, configPath),
      },
      files,
    );
    if (manifests.length === 0) io.warning(`Shiftdown: no file matches ${inputs.paths.join(', ')}`);
    const schemaValidator =
      typeof options.schemaValidator === 'function'
        ? await options.schemaValidator(manifests)
        : options.schemaValidator;
    const settings = {
      ...(config && { config }),
      ...(inputs.profile && { profile: inputs.profile }),
      ...(inputs.kubernetesVersion && { kubernetesVersion: inputs.kubernetesVersion }),
      ...(schemaValidator && { schemaValidator }),
      ...(options.today && { today: options.today }),
    };
    report = scan({ files: manifests, ...settings });
    if (inputs.templates) {
      const values = inputs.templateValues
        ? await loadTemplateValues(inWorkspace(context.workspace, inputs.templateValues), files)
        : undefined;
      const checked = await withTemplateFindings(report, context.workspace, inputs.templates, files, {
        ...settings,
        ...(values && { values }),
      });
      if (checked.templates === 0)
        io.warning(`Shiftdown: no Backstage template matches ${inputs.templates.join(', ')}`);
      report = checked.report;
    }
    await files.writeFile(inWorkspace(context.workspace, inputs.reportFile), formatReport(report, 'json'));
    open = report.findings.filter((f) => !f.suppressed);
    fresh = inputs.baseline
      ? newFindings(report, await loadBaseline(inWorkspace(context.workspace, inputs.baseline), files))
      : open;
  } catch (error) {
    result.error = (error as Error).message;
    io.setFailed(`Shiftdown: ${result.error}`);
    return result;
  }
  result.report = report;
  result.newFindings = fresh.length;
  const gate = decideGate(report, inputs, inputs.baseline ? fresh : undefined);
  result.gate = gate;

  const diff = await computeDiff(context, io, github, options.gitDiff);
  result.diffSource = diff.source;
  const mode = diff.index ? inputs.filterMode : 'nofilter';
  const onPullRequest = await findingsOnPullRequest(report, context, io, options.checkoutDiff, result);
  const shown = onPullRequest.annotatable.filter(
    (f) => !diff.index || diff.index.inFilter(mode, f.file, f.line, lastLine(f)),
  );
  result.inFilter = shown.filter((f) => !f.suppressed).length;

  const choice = chooseReporters(inputs.reporters, context, Boolean(inputs.token && github));
  result.reporters = choice.reporters;
  if (choice.note) io.info(choice.note);
  const prReport = { ...report, findings: [...onPullRequest.listed] };
  const markdown = `${formatReport(prReport, 'markdown').trimEnd()}\n\n${gateMarkdown(gate, inputs.softFail)}\n`;
  const { summary } = report;

  const write = async (
    name: ReporterName,
    call: (api: GitHubApi) => Promise<ReporterOutcome>,
  ): Promise<void> => {
    let outcome: ReporterOutcome;
    if (!github) outcome = { status: 'forbidden', message: 'no GitHub token' };
    else {
      try {
        outcome = await call(github);
      } catch (error) {
        outcome = { status: 'failed', message: (error as Error).message };
      }
    }
    result.outcomes[name] = outcome;
    if (outcome.status === 'forbidden') result.refused.push(name);
    if (outcome.status === 'failed') io.warning(`Shiftdown: the ${name} reporter failed: ${outcome.message}`);
  };

  const selected = new Set(choice.reporters);
  if (selected.has('check')) {
    await write('check', (api) => {
      const plan = planCheckRun(shown, { rules: report.rules, summary: markdown });
      return api.createCheckRun(context, {
        name: CHECK_NAME,
        conclusion: gate.failed ? 'failure' : gate.reasons.length > 0 ? 'neutral' : 'success',
        title: `${summary.grade} (${summary.score}/100): ${plural(open.length, 'finding')}`,
        summary: plan.summary,
        text: plan.text,
        batches: plan.batches,
      });
    });
  }
  if (selected.has('review') && context.pullRequest && diff.index) {
    const index = diff.index;
    await write('review', async (api) => {
      const commentable: Commentable = (path, line, endLine) => index.commentableRange(path, line, endLine);
      // The existing comments are listed only when there is something to comment.
      if (!anyCommentable(shown, commentable)) return { status: 'ok', detail: 'no findings on diff lines' };
      const plan = planReviewComments(shown, {
        commentable,
        existingBodies: await api.listReviewCommentBodies(context),
        rules: report.rules,
        // Rule docs for rules the report has no `helpUri` for.
        docsBase: DEFAULT_HELP_URI_BASE,
      });
      if (plan.comments.length === 0) return { status: 'ok', detail: 'no new comments' };
      return api.createReview(context, plan.comments);
    });
  }
  if (selected.has('comment') && context.pullRequest) {
    await write('comment', (api) => api.upsertStickyComment(context, stickyComment(markdown), STICKY_MARKER));
  }
  // Workflow-command annotations stand in for the check run's when it was not posted and a reporter was
  // refused, or when the check run itself failed. Never both: GitHub shows the annotations of every check
  // run on the pull request's diff, the job's own included, so each finding would appear twice.
  const checkPosted = result.outcomes.check?.status === 'ok';
  const checkFailed = result.outcomes.check?.status === 'failed';
  if (result.refused.length > 0) {
    const messages = [
      ...new Set(
        result.refused.map((name) => {
          const outcome = result.outcomes[name] as { message: string; reason?: string };
          return outcome.reason ?? outcome.message;
        }),
      ),
    ];
    io.info(
      `Shiftdown: the ${result.refused.join(', ')} reporter${result.refused.length === 1 ? ' was' : 's were'} refused ` +
        `(${messages.join('; ')}): ${
          checkPosted
            ? 'the check run carries the annotations.'
            : 'reporting with workflow-command annotations instead.'
        }`,
    );
  } else if (checkFailed && !selected.has('annotations')) {
    io.info('Shiftdown: annotating with workflow commands instead of the check run.');
  }
  if (!checkPosted && (result.refused.length > 0 || checkFailed)) selected.add('annotations');
  if (selected.has('annotations')) {
    const ruleTitles = new Map(report.rules.map((rule) => [rule.id, rule.title]));
    const plan = planWorkflowCommands(shown, { ruleTitles });
    for (const line of plan.commands) io.command(line);
    result.outcomes.annotations = { status: 'ok', detail: `${plan.commands.length} commands` };
  }
  // The runner's files: a failure (no GITHUB_STEP_SUMMARY on an old runner, an unwritable path) is a
  // warning like any reporter's, never a lost gate or lost outputs.
  const local = async (name: 'summary' | 'sarif', call: () => Promise<void>): Promise<void> => {
    try {
      await call();
      result.outcomes[name] = { status: 'ok' };
    } catch (error) {
      result.outcomes[name] = { status: 'failed', message: (error as Error).message };
      io.warning(`Shiftdown: the ${name} reporter failed: ${(error as Error).message}`);
    }
  };
  if (selected.has('summary')) {
    const helpUri = helpUriResolver(report.rules, undefined);
    await local('summary', () => io.appendSummary(jobSummary(markdown, prReport.findings, { helpUri })));
  }
  if (selected.has('sarif')) {
    await local('sarif', () =>
      files.writeFile(inWorkspace(context.workspace, inputs.sarifFile), formatReport(report, 'sarif')),
    );
  }

  io.setOutput('score', String(summary.score));
  io.setOutput('grade', summary.grade);
  io.setOutput('findings', String(open.length));
  io.setOutput('new-findings', String(fresh.length));
  io.setOutput('sarif-file', result.outcomes.sarif?.status === 'ok' ? inputs.sarifFile : '');
  io.setOutput('report-file', inputs.reportFile);
  if (gate.failed) io.setFailed(`Shiftdown: ${gate.reasons.join('; ')}`);
  else if (gate.reasons.length > 0) io.warning(`Shiftdown (soft-fail): ${gate.reasons.join('; ')}`);
  return result;
}
