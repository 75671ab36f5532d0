/**
 * Output of a template check. Every format but text is the core's, of the combined report (its findings
 * already at skeleton lines). Text lists each template: what each step rendered, then the core's text
 * report of that template (findings grouped by skeleton file, errors located, its score).
 */
import { formatReport, formatText, gateFailures } from '@shiftdown/policy-core';
import type { FormatOptions, ReportFormat } from '@shiftdown/policy-core';
import type { StepResult, TemplateCheckResult, TemplateResult } from '../types.js';

/** Parameters whose values are not printed (a values file may hold real credentials). */
const SECRET_NAME = /pass(word|wd|phrase)?|secret|token|credential|api[-_]?key|private[-_]?key/i;

/** `failOn` (as junit takes it) and `minScore` also decide each template's pass/fail in the text summary line. */
export interface TemplateFormatOptions extends FormatOptions {
  minScore?: number;
}

export function formatTemplateCheck(
  result: TemplateCheckResult,
  format: ReportFormat,
  options: TemplateFormatOptions = {},
): string {
  if (format !== 'text') return formatReport(result.report, format, options);
  const sections: string[] = [];
  // Errors of no template (files that are not templates, or do not parse) come first.
  const own = new Set(result.templates.flatMap((t) => t.errors));
  const orphanErrors = result.errors.filter((e) => !own.has(e));
  if (orphanErrors.length > 0) {
    sections.push(orphanErrors.map((e) => `${e.file}:${e.line}:${e.column}: error: ${e.message}`).join('\n'));
  }
  for (const template of result.templates) sections.push(formatTemplate(template, options));
  if (result.templates.length === 0) sections.push('No Backstage software templates found.');
  if (result.templates.length > 1) {
    const failed = result.templates.filter((t) => !passes(t, options));
    sections.push(
      `Checked ${result.templates.length} templates: ${result.templates.length - failed.length} passed, ${failed.length} failed` +
        (failed.length > 0 ? ` (${failed.map((t) => t.name).join(', ')})` : '') +
        '.',
    );
  }
  return `${sections.join('\n\n')}\n`;
}

function formatTemplate(template: TemplateResult, options: TemplateFormatOptions): string {
  const title = template.title !== undefined ? ` "${template.title}"` : '';
  const lines = [`Template ${template.name}${title} (${template.path}:${template.line})`];
  const parameters = Object.entries(template.parameters).map(
    ([name, value]) => `${name}=${SECRET_NAME.test(name) ? '***' : shortValue(value)}`,
  );
  if (parameters.length > 0) lines.push(`  parameters: ${parameters.join(', ')}`);
  if (template.steps.length === 0)
    lines.push('  no fetch:template, fetch:template:file or fetch:plain step: nothing to render');
  for (const step of template.steps) lines.push(`  ${describeStep(step, template)}`);
  for (const warning of template.warnings)
    lines.push(`  warning: ${warning.file}:${warning.line}:${warning.column}: ${warning.message}`);
  const approximate = template.files.filter((f) => f.approximate);
  if (approximate.length > 0) {
    lines.push(
      `  note: lines of ${approximate.map((f) => f.skeleton).join(', ')} were matched to the skeleton by content (approximate)`,
    );
  }
  lines.push(
    '',
    formatText(template.report, {
      color: options.color === true,
      showSuppressed: options.showSuppressed === true,
    }).trimEnd(),
  );
  return lines.join('\n');
}

function describeStep(step: StepResult, template: TemplateResult): string {
  const target = step.targetPath !== undefined ? ` → ${step.targetPath}` : '';
  const head = `step ${step.id} (${step.action} ${step.url}${target}):`;
  if (step.status === 'skipped') return `${head} skipped, ${step.reason ?? 'not run'}`;
  if (step.status === 'failed') return `${head} not rendered (see the errors below)`;
  const scanned = template.files.filter((f) => f.scanned).length;
  return `${head} ${step.files} file${step.files === 1 ? '' : 's'} rendered${template.steps.filter((s) => s.status === 'rendered').length === 1 ? `, ${scanned} scanned` : ''}`;
}

function passes(template: TemplateResult, options: TemplateFormatOptions): boolean {
  const failures = gateFailures(template.report, {
    failOn: options.failOn ?? 'none',
    ...(options.minScore !== undefined && { minScore: options.minScore }),
  });
  return failures.length === 0 && template.errors.length === 0;
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
