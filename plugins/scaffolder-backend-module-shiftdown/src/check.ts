import { promises as nodeFs } from 'node:fs';
import { dirname } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ScanOptionError, formatReport, isBackstageEntity, scan } from '@shiftdown/policy-core';
import type { LetterGrade, Report } from '@shiftdown/policy-core';
import { countUnreadable, describeFsError, withInputProblems } from '@shiftdown/cli';
import { collectInputs } from './collect.js';
import { gateReasons, violations } from './gate.js';
import type { CheckInput } from './inputs.js';
import { DEFAULT_FAIL_ON, DEFAULT_PATH, DEFAULT_REPORT_PATH } from './inputs.js';
import { logReport } from './log.js';
import { failureMessage } from './message.js';
import { schemaValidatorFor } from './schema.js';
import { openWorkspace, resolveInside, resolveScanTarget, staysInside } from './workspace.js';
import type { Workspace } from './workspace.js';

/** The step outputs. */
export interface CheckOutputs {
  score: number;
  grade: LetterGrade;
  /** Unsuppressed findings. */
  findings: number;
  /** The JSON report, relative to the workspace. */
  reportPath: string;
}

export interface CheckResult {
  outputs: CheckOutputs;
  report: Report;
  /** The InputError message when the check fails; absent when it passes. */
  failure?: string;
}

export interface CheckRequest {
  workspacePath: string;
  input: CheckInput;
  logger: LoggerService;
}

/**
 * Scan the rendered workspace and decide the gate. Problems with the step itself (a path outside the
 * workspace or missing, an invalid config or option) throw InputError; a policy failure is returned as
 * `failure` so the caller can set the outputs first.
 */
export async function runCheck(request: CheckRequest): Promise<CheckResult> {
  const { input, logger } = request;
  const workspace = await openWorkspace(request.workspacePath);
  const path = input.path ?? DEFAULT_PATH;
  const targetPath = resolveInside(workspace, 'path', path);
  const reportPath = input.reportPath ?? DEFAULT_REPORT_PATH;
  const reportFile = resolveInside(workspace, 'reportPath', reportPath);
  const target = await resolveScanTarget(workspace, path, targetPath);

  // How messages name what was scanned: `k8s`, `k8s/deployment.yaml` or the workspace itself.
  const scanned = target.path === '.' ? 'the workspace' : target.path;
  const collected = await collectInputs({ workspace, target, reportFile });
  const config = collected.config;
  if (config) logger.info(`Using Shiftdown config ${workspace.display(config.absolutePath)}`);
  const schemaValidator = await schemaValidatorFor({
    ...(input.schemaValidation !== undefined && { choice: input.schemaValidation }),
    ...(config && { config }),
    scanned: collected.inputs,
    workspace,
    logger,
  });

  let report: Report;
  try {
    report = scan({
      files: collected.inputs,
      ...(config && { config: config.config }),
      ...(input.profile !== undefined && { profile: input.profile }),
      ...(input.pssVersion !== undefined && { pssVersion: input.pssVersion }),
      ...(input.kubernetesVersion !== undefined && { kubernetesVersion: input.kubernetesVersion }),
      ...(schemaValidator && { schemaValidator }),
    });
  } catch (error) {
    if (error instanceof ScanOptionError) throw new InputError(error.message);
    throw error;
  }
  report = withInputProblems(report, collected.problems);

  const shownPath = workspace.display(reportFile);
  await writeReport(workspace, reportFile, formatReport(report, 'json'));
  logReport(logger, scanned, report, collected.problems);
  logger.info(`Shiftdown JSON report: ${shownPath}`);

  const outputs: CheckOutputs = {
    score: report.summary.score,
    grade: report.summary.grade,
    findings: report.findings.filter((f) => !f.suppressed).length,
    reportPath: shownPath,
  };

  const failOn = input.failOn ?? config?.config.failOn ?? DEFAULT_FAIL_ON;
  const minScore = input.minScore ?? config?.config.minScore;
  const unreadable = collected.problems.filter((p) => p.kind === 'unreadable');
  const reasons = gateReasons(
    report,
    {
      failOn,
      ...(minScore !== undefined && { minScore }),
      ...(input.minGrade !== undefined && { minGrade: input.minGrade }),
    },
    countUnreadable(collected.problems),
  );
  // A gate that checked nothing must not pass: the path is wrong or the template rendered no manifests.
  if (reasons.length === 0 && !report.resources.some((r) => !isBackstageEntity(r.apiVersion))) {
    reasons.push(
      collected.inputs.length === 0
        ? 'no manifests (*.yaml, *.yml, *.json) found'
        : `no Kubernetes objects found in ${collected.inputs.length} file${collected.inputs.length === 1 ? '' : 's'}`,
    );
  }
  if (reasons.length === 0) {
    logger.info(`Shiftdown policy check passed for ${scanned}`);
    return { outputs, report };
  }
  const failure = failureMessage({
    scanned,
    report,
    reasons,
    violations: violations(report, failOn),
    unreadable,
    reportPath: shownPath,
  });
  return { outputs, report, failure };
}

/** Write the JSON report, never through a symbolic link that leads out of the workspace. */
async function writeReport(workspace: Workspace, absolutePath: string, text: string): Promise<void> {
  const shown = workspace.display(absolutePath);
  let inside: boolean;
  try {
    await nodeFs.mkdir(dirname(absolutePath), { recursive: true });
    inside = await staysInside(workspace, dirname(absolutePath));
    if (inside && (await nodeFs.lstat(absolutePath).catch(() => undefined))?.isSymbolicLink()) {
      inside = await staysInside(workspace, absolutePath).catch(() => false);
    }
    if (inside) await nodeFs.writeFile(absolutePath, text.endsWith('\n') ? text : `${text}\n`);
  } catch (error) {
    throw new InputError(`cannot write the Shiftdown report to ${shown}: ${describeFsError(error)}`);
  }
  if (!inside)
    throw new InputError(`reportPath "${shown}" leads outside the task workspace through a symbolic link`);
}
