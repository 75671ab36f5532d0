/**
 * The `templates` input: Backstage golden-path templates in the repository are rendered as the scaffolder
 * renders them (@shiftdown/templates) and their findings join the run's report at the skeleton file and
 * line — so a pull request that changes a skeleton is annotated where the reviewer looks.
 */
import { checkTemplates, combineReports } from '@shiftdown/templates';
import type { CheckTemplatesOptions } from '@shiftdown/templates';
import type { Report } from '@shiftdown/policy-core';
import { collectManifests } from './collect.js';
import type { RunFiles } from './files.js';

export interface TemplateCheckOutcome {
  report: Report;
  /** Templates found by the globs (files with `kind: Template` among the matched files). */
  templates: number;
}

/**
 * Checks every template the `globs` match under `workspace` and returns `report` with their findings
 * added (score and grade become the weaker of the two, counts add up). Paths stay repository-relative.
 */
export async function withTemplateFindings(
  report: Report,
  workspace: string,
  globs: readonly string[],
  files: Pick<RunFiles, 'readDir' | 'readFile'>,
  options: Omit<CheckTemplatesOptions, 'cwd'>,
): Promise<TemplateCheckOutcome> {
  const matched = await collectManifests(workspace, globs, {}, files);
  if (matched.length === 0) return { report, templates: 0 };
  const root = workspace.replace(/[\\/]+$/, '');
  // Every matched file was named by the globs: one that holds no template is an error, as a named file is.
  const sources = matched.map((file) => ({ ...file, absolutePath: `${root}/${file.path}`, explicit: true }));
  const result = await checkTemplates(sources, { ...options, cwd: root });
  if (result.templates.length === 0 && result.errors.length === 0) return { report, templates: 0 };
  return { report: combineReports([report, result.report]), templates: result.templates.length };
}
