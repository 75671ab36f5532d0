/**
 * `checkTemplates`: find the templates in the files a surface read, render each one's skeletons with
 * example parameter values into an in-memory workspace, scan the workspace's manifests with the policy core
 * (one scan per template, as the scaffolder's `shiftdown:check` scans one task's workspace), and report
 * every finding at the skeleton file and line it came from.
 */
import { MANIFEST_EXTENSION, compareStrings, scan, withFileErrors } from '@shiftdown/policy-core';
import type { InputFile, Report } from '@shiftdown/policy-core';
import { Workspace } from './render/workspace.js';
import { combineReports } from './report/combine.js';
import { remapReport, type RenderedOrigin } from './report/remap.js';
import { findTemplates, isRecord, type TemplateDocument } from './template/discover.js';
import { locate } from './template/locate.js';
import { exampleValues } from './template/parameters.js';
import { planSteps } from './template/steps.js';
import type {
  CheckTemplatesOptions,
  RenderedFile,
  StepResult,
  TemplateCheckResult,
  TemplateResult,
  TemplateSource,
} from './types.js';

/**
 * Check the templates in `sources` (see `TemplateSource`). Skeletons are read from the file system
 * next to each template file.
 */
export async function checkTemplates(
  sources: readonly TemplateSource[],
  options: CheckTemplatesOptions = {},
): Promise<TemplateCheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const discovery = findTemplates(sources);
  const templates: TemplateResult[] = [];
  for (const template of discovery.templates) templates.push(await checkTemplate(template, options, cwd));
  const [first, ...rest] = templates.map((t) => t.report);
  // With no template, the report is that of a scan of nothing (its settings still say how it would check).
  const combined = first ? combineReports([first, ...rest]) : scanFiles([], options);
  return {
    report: withFileErrors(combined, discovery.errors),
    templates,
    errors: [...discovery.errors, ...templates.flatMap((t) => t.errors)],
  };
}

async function checkTemplate(
  template: TemplateDocument,
  options: CheckTemplatesOptions,
  cwd: string,
): Promise<TemplateResult> {
  const metadata = isRecord(template.value.metadata) ? template.value.metadata : {};
  const spec = isRecord(template.value.spec) ? template.value.spec : {};
  const parameters = { ...exampleValues(spec.parameters), ...options.values };
  const plan = planSteps(template, parameters);
  const errors = [...plan.errors];
  const workspace = new Workspace();
  const steps: StepResult[] = [];

  for (const step of plan.steps) {
    const result: StepResult = {
      id: step.id,
      ...(step.name !== undefined && { name: step.name }),
      action: step.action,
      url: step.input.url,
      ...(step.input.targetPath !== undefined && { targetPath: step.input.targetPath }),
      status: 'skipped',
      files: 0,
    };
    steps.push(result);
    if (step.skipped !== undefined) {
      result.reason = step.skipped;
      continue;
    }
    const urlAt = locate(template, ['spec', 'steps', step.index, 'input', 'url']);
    const outcome = await workspace.run(step, {
      templateFile: template.file,
      cwd,
      urlError: (message) => ({ file: template.path, ...urlAt, message }),
    });
    result.files = outcome.files;
    result.status = outcome.errors.length > 0 && outcome.files === 0 ? 'failed' : 'rendered';
    errors.push(...outcome.errors);
  }

  const files: RenderedFile[] = [];
  const inputs: InputFile[] = [];
  const origins = new Map<string, RenderedOrigin>();
  for (const file of [...workspace.files.values()].sort((a, b) => compareStrings(a.rendered, b.rendered))) {
    const scanned = file.text !== undefined && MANIFEST_EXTENSION.test(file.rendered);
    files.push({
      skeleton: file.skeleton,
      rendered: file.rendered,
      templated: file.templated,
      binary: file.binary,
      scanned,
      approximate: file.map.approximate,
    });
    if (!scanned) continue;
    inputs.push({ path: file.rendered, text: file.text! });
    origins.set(file.rendered, { skeleton: file.skeleton, map: file.map });
  }
  const remapped = remapReport(scanFiles(inputs, options), origins);
  return {
    path: template.path,
    line: template.line,
    name: typeof metadata.name === 'string' ? metadata.name : '(unnamed)',
    ...(typeof metadata.title === 'string' && { title: metadata.title }),
    parameters,
    steps,
    files,
    report: withFileErrors(remapped.report, errors),
    findings: remapped.findings,
    errors,
    warnings: plan.warnings,
  };
}

function scanFiles(files: InputFile[], options: CheckTemplatesOptions): Report {
  return scan({
    files,
    ...(options.config && { config: options.config }),
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.pssVersion !== undefined && { pssVersion: options.pssVersion }),
    ...(options.kubernetesVersion !== undefined && { kubernetesVersion: options.kubernetesVersion }),
    ...(options.schemaValidator && { schemaValidator: options.schemaValidator }),
    ...(options.today !== undefined && { today: options.today }),
  });
}
