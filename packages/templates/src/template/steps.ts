/**
 * The steps of a template that put files into the workspace (`fetch:template`, `fetch:template:file`, and
 * `fetch:plain`/`fetch:plain:file`, which copy without templating), evaluated as Backstage's workflow
 * runner does: `if` decides whether a step runs, `each` repeats it, and every string of `input` is
 * rendered with the parameters (a lone `${{ … }}` keeps its value's type; a string that fails to render
 * is passed on as it is written, which Backstage does silently and this reports as a warning).
 */
import type { PreparedTemplateContext, TemplateRenderer, TemplateValue } from 'nunjitsu';
import { errorMessage, workflowRenderer } from '../render/engine.js';
import type { StepAction, TemplateError } from '../types.js';
import { isRecord, type TemplateDocument } from './discover.js';
import { locate } from './locate.js';

export interface FetchStep {
  /** Index in `spec.steps`. */
  index: number;
  id: string;
  name?: string;
  action: StepAction;
  input: FetchInput;
  /** Set when the step's `if` was false: the step does not run. */
  skipped?: string;
}

export interface FetchInput {
  url: string;
  targetPath?: string;
  values: Record<string, unknown>;
  copyWithoutTemplating?: string[];
  copyWithoutRender?: string[];
  templateFileExtension?: string | boolean;
  cookiecutterCompat: boolean;
  trimBlocks: boolean;
  lstripBlocks: boolean;
  replace: boolean;
}

export interface StepPlan {
  steps: FetchStep[];
  errors: TemplateError[];
  warnings: TemplateError[];
}

const FETCH_ACTIONS: readonly string[] = ['fetch:template', 'fetch:template:file', 'fetch:plain', 'fetch:plain:file'];
/** `each` items checked per step: enough for any real template, bounded for a hostile one. */
export const MAX_EACH_ITEMS = 100;

/** The context Backstage renders step inputs with, for a task run by an example user. */
export function workflowContext(parameters: Record<string, unknown>): Record<string, unknown> {
  return {
    parameters,
    environment: { parameters: {}, secrets: {} },
    secrets: {},
    steps: {},
    user: {
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'example', namespace: 'default' },
        spec: { profile: { displayName: 'Example User', email: 'example@example.com' } },
      },
      ref: 'user:default/example',
    },
    context: { task: { id: 'shiftdown-template-check' } },
  };
}

export function planSteps(template: TemplateDocument, parameters: Record<string, unknown>): StepPlan {
  const plan: StepPlan = { steps: [], errors: [], warnings: [] };
  const spec = isRecord(template.value.spec) ? template.value.spec : {};
  const steps = Array.isArray(spec.steps) ? spec.steps : [];
  const renderer = workflowRenderer();
  const context = renderer.prepareContext(toTemplateValue(workflowContext(parameters)) as Record<string, TemplateValue>);
  const at = (path: (string | number)[], message: string) => ({ file: template.path, ...locate(template, ['spec', 'steps', ...path]), message });

  steps.forEach((step: unknown, index) => {
    if (!isRecord(step) || typeof step.action !== 'string' || !FETCH_ACTIONS.includes(step.action)) return;
    const action = step.action as StepAction;
    const id = typeof step.id === 'string' && step.id !== '' ? step.id : `#${index + 1}`;
    const name = typeof step.name === 'string' ? step.name : undefined;
    const render = (value: unknown, path: (string | number)[]) =>
      renderInput(value, renderer, context, (where, message) => plan.warnings.push(at([index, ...path, ...where], message)));

    const writtenUrl = isRecord(step.input) && typeof step.input.url === 'string' ? step.input.url : '';
    if (step.if === false) {
      plan.steps.push({ index, id, ...(name !== undefined && { name }), action, input: emptyInput(writtenUrl), skipped: 'if: false' });
      return;
    }
    const iterations: { key?: string; value?: unknown }[] = [];
    if (step.each !== undefined) {
      const each = render(step.each, ['each']);
      if (each === undefined || each === null || typeof each !== 'object') {
        plan.errors.push(at([index, 'each'], `each must resolve to an array or an object, got ${JSON.stringify(each) ?? 'nothing'}`));
        return;
      }
      const entries = Object.entries(each);
      if (entries.length > MAX_EACH_ITEMS) {
        plan.errors.push(at([index, 'each'], `each has ${entries.length} items: only the first ${MAX_EACH_ITEMS} are checked`));
      }
      for (const [key, value] of entries.slice(0, MAX_EACH_ITEMS)) iterations.push({ key, value });
    } else {
      iterations.push({});
    }

    for (const iteration of iterations) {
      const local = iteration.key === undefined ? context : context.withValue(['each'], toTemplateValue({ key: iteration.key, value: iteration.value }));
      const iterationId = iteration.key === undefined ? id : `${id}[${iteration.key}]`;
      const named = { index, id: iterationId, ...(name !== undefined && { name }), action };
      if (typeof step.if === 'string') {
        const condition = renderInput(step.if, renderer, local, (_, message) => plan.warnings.push(at([index, 'if'], message)));
        if (!isTruthy(condition)) {
          plan.steps.push({ ...named, input: emptyInput(writtenUrl), skipped: `if: ${step.if.trim()} is false with these values` });
          continue;
        }
      }
      const input = renderInput(step.input ?? {}, renderer, local, (where, message) =>
        plan.warnings.push(at([index, 'input', ...where], message)),
      );
      const checked = checkInput(action, input, (field, message) => plan.errors.push(at([index, 'input', ...field], message)));
      if (!checked) continue;
      if (checked.copyWithoutRender) {
        plan.warnings.push(
          at([index, 'input', 'copyWithoutRender'], 'copyWithoutRender was removed in @backstage/plugin-scaffolder-backend 2.0 (current scaffolders reject the step): use copyWithoutTemplating'),
        );
      }
      plan.steps.push({ ...named, input: checked });
    }
  });
  return plan;
}

/**
 * Backstage's `render`: every string rendered (a lone expression keeps its type), objects and arrays
 * walked; a property whose value renders to nothing is dropped.
 */
function renderInput(
  value: unknown,
  renderer: TemplateRenderer,
  context: PreparedTemplateContext,
  warn: (path: (string | number)[], message: string) => void,
  path: (string | number)[] = [],
): unknown {
  if (typeof value === 'string') {
    try {
      return renderer.renderValue(value, context);
    } catch (error) {
      warn(path, `cannot render ${JSON.stringify(value)} (${errorMessage(error)}): Backstage passes it on as written`);
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((item, i) => renderInput(item, renderer, context, warn, [...path, i]));
  if (isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const rendered = renderInput(item, renderer, context, warn, [...path, key]);
      if (rendered !== undefined) result[key] = rendered;
    }
    return result;
  }
  return value;
}

/** The action's input schema, as Backstage validates it before running the step. */
function checkInput(
  action: StepAction,
  input: unknown,
  fail: (field: string[], message: string) => void,
): FetchInput | undefined {
  const problem = (field: string, message: string): undefined => {
    fail([field], `invalid input for ${action}: ${message}`);
    return undefined;
  };
  if (!isRecord(input)) return problem('', 'input must be an object');
  if (typeof input.url !== 'string' || input.url === '') return problem('url', 'url must be a non-empty string');
  if (input.targetPath !== undefined && typeof input.targetPath !== 'string') return problem('targetPath', 'targetPath must be a string');
  if (action.endsWith(':file') && typeof input.targetPath !== 'string') return problem('targetPath', 'targetPath is required');
  if (input.values !== undefined && !isRecord(input.values)) return problem('values', 'values must be an object');
  for (const field of ['copyWithoutTemplating', 'copyWithoutRender']) {
    const list = input[field];
    if (list !== undefined && !(Array.isArray(list) && list.every((p) => typeof p === 'string'))) {
      return problem(field, `${field} must be a list of glob patterns`);
    }
  }
  const extension = input.templateFileExtension;
  if (extension !== undefined && typeof extension !== 'string' && typeof extension !== 'boolean') {
    return problem('templateFileExtension', 'templateFileExtension must be a string or a boolean');
  }
  for (const field of ['cookiecutterCompat', 'trimBlocks', 'lstripBlocks', 'replace']) {
    if (input[field] !== undefined && typeof input[field] !== 'boolean') return problem(field, `${field} must be a boolean`);
  }
  if (extension && (input.copyWithoutTemplating !== undefined || input.cookiecutterCompat === true)) {
    return problem('templateFileExtension', 'templateFileExtension cannot be combined with copyWithoutTemplating or cookiecutterCompat');
  }
  return {
    url: input.url,
    ...(typeof input.targetPath === 'string' && { targetPath: input.targetPath }),
    values: isRecord(input.values) ? input.values : {},
    ...(Array.isArray(input.copyWithoutTemplating) && { copyWithoutTemplating: input.copyWithoutTemplating as string[] }),
    ...(Array.isArray(input.copyWithoutRender) && { copyWithoutRender: input.copyWithoutRender as string[] }),
    ...(extension !== undefined && { templateFileExtension: extension }),
    cookiecutterCompat: input.cookiecutterCompat === true,
    trimBlocks: input.trimBlocks === true,
    lstripBlocks: input.lstripBlocks === true,
    replace: input.replace === true,
  };
}

function emptyInput(url: string): FetchInput {
  return { url, values: {}, cookiecutterCompat: false, trimBlocks: false, lstripBlocks: false, replace: false };
}

/** Backstage's isTruthy: a non-empty array, or any truthy value. */
function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Plain data for the engine: a JSON round trip drops what JSON cannot hold (functions, undefined). */
export function toTemplateValue(value: unknown): TemplateValue {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return null;
  }
  return json === undefined ? null : (JSON.parse(json) as TemplateValue);
}
