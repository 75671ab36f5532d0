/**
 * The template engine Backstage's scaffolder (4.x) renders with: nunjitsu, a closed interpreter for the
 * nunjucks language (no JavaScript runs from a template, with work and size limits), configured as
 * @backstage/plugin-scaffolder-backend does: `${{ }}` variables (`{{ }}` with cookiecutterCompat), no
 * autoescaping, regular expressions allowed, trimBlocks/lstripBlocks from the step input, and Backstage's
 * filters on top of the nunjucks built-ins.
 */
import { createTemplateRenderer, TemplateLimitError, TemplateRenderError, type TemplateRenderer } from 'nunjitsu';
import { BACKSTAGE_FILTERS } from './filters.js';

export interface SkeletonEngineOptions {
  cookiecutterCompat?: boolean;
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
}

/** The renderer of `fetch:template` (contents and paths of skeleton files). */
export function skeletonRenderer(options: SkeletonEngineOptions): TemplateRenderer {
  return createTemplateRenderer({
    filters: BACKSTAGE_FILTERS,
    allowRegexExecution: true,
    cookiecutterCompat: options.cookiecutterCompat === true,
    trimBlocks: options.trimBlocks === true,
    lstripBlocks: options.lstripBlocks === true,
  });
}

/** The renderer of step inputs (`${{ parameters.x }}`), with the workflow's status globals. */
export function workflowRenderer(): TemplateRenderer {
  return createTemplateRenderer({
    filters: BACKSTAGE_FILTERS,
    allowRegexExecution: true,
    globals: { always: () => true, failure: () => false },
  });
}

/** A render failure's position in the rendered source, when the engine knows it. */
export function errorPosition(error: unknown): { line: number; column: number } | undefined {
  if ((error instanceof TemplateRenderError || error instanceof TemplateLimitError) && error.line !== undefined) {
    return { line: error.line, column: error.column ?? 1 };
  }
  return undefined;
}

/** The engine's message without its own "at line …" prefix (the caller prints the position). */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Template error at line \d+, column \d+: /, '').replace(/ at line \d+, column \d+$/, '');
}
