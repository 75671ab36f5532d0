import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { REPO_ROOT, type DemoBackend } from './demo-backend.js';

/** The golden-path templates of examples/templates, registered in the demo catalog. */
export const TEMPLATES_DIRECTORY = join(REPO_ROOT, 'examples', 'templates');

interface ParameterProperty {
  default?: unknown;
  examples?: unknown[];
}
interface ParameterPage {
  properties?: Record<string, ParameterProperty>;
}
export interface Template {
  metadata: { name: string; title?: string };
  spec: { parameters?: ParameterPage | ParameterPage[] };
}


function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

/** Every file of the template's folder (template.yaml and the skeleton), as the template editor sends them. */
function directoryContents(name: string): { path: string; base64Content: string }[] {
  const directory = join(TEMPLATES_DIRECTORY, name);
  return listFiles(directory).map((file) => ({
    path: relative(directory, file).split(sep).join('/'),
    base64Content: readFileSync(file).toString('base64'),
  }));
}

/** The template entity as the catalog ingested it from examples/templates/<name>/template.yaml. */
export async function catalogTemplate(demo: DemoBackend, name: string): Promise<Template> {
  const response = await demo.get<Template>(`/api/catalog/entities/by-name/template/default/${name}`);
  if (response.status !== 200) throw new Error(`template ${name} is not in the catalog: HTTP ${response.status}`);
  return response.body;
}

/** What a user gets by accepting every default on the Create page (and typing the example where there is none). */
export function defaultValues(template: Template): Record<string, unknown> {
  const pages = [template.spec.parameters ?? []].flat();
  const values: Record<string, unknown> = {};
  for (const page of pages) {
    for (const [key, property] of Object.entries(page.properties ?? {})) {
      if (property.default !== undefined) values[key] = property.default;
      else if (property.examples?.length) values[key] = property.examples[0];
    }
  }
  return values;
}

export interface DryRunResult {
  status: number;
  output?: { text?: { title: string; content: string }[] };
  files: Record<string, string>;
  error?: { name: string; message: string };
}

/** `POST /api/scaffolder/v2/dry-run`, as the Create page's template editor runs a template. */
export async function dryRun(demo: DemoBackend, name: string): Promise<DryRunResult> {
  const template = await catalogTemplate(demo, name);
  const response = await demo.post<{
    output?: DryRunResult['output'];
    directoryContents?: { path: string; base64Content: string }[];
    error?: DryRunResult['error'];
  }>('/api/scaffolder/v2/dry-run', {
    template,
    values: defaultValues(template),
    secrets: {},
    directoryContents: directoryContents(name),
  });
  return {
    status: response.status,
    ...(response.body.output && { output: response.body.output }),
    ...(response.body.error && { error: response.body.error }),
    files: Object.fromEntries(
      (response.body.directoryContents ?? []).map((file) => [file.path, Buffer.from(file.base64Content, 'base64').toString('utf8')]),
    ),
  };
}

interface TaskEvent {
  type: 'log' | 'completion' | 'cancelled' | 'recovered';
  body: {
    message: string;
    stepId?: string;
    status?: string;
    output?: DryRunResult['output'];
    error?: { name: string; message: string };
  };
}

export interface TaskResult {
  status: string;
  /** Step id → its last status (`completed`, `failed`, …). */
  steps: Record<string, string>;
  /** Log messages without their colours. */
  log: string[];
  completion?: TaskEvent['body'];
}

/**
 * Runs the catalog's template as the Create page does (`POST /api/scaffolder/v2/tasks` with the
 * templateRef: the scaffolder reads template.yaml and its skeleton from the demo's file: location), and
 * waits for the task to finish.
 */
export async function runTask(demo: DemoBackend, name: string, timeoutMs = 60_000): Promise<TaskResult> {
  const template = await catalogTemplate(demo, name);
  const created = await demo.post<{ id?: string }>('/api/scaffolder/v2/tasks', {
    templateRef: `template:default/${name}`,
    values: defaultValues(template),
    secrets: {},
  });
  if (created.status !== 201 || !created.body.id) {
    throw new Error(`POST /v2/tasks for ${name}: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  }
  const deadline = Date.now() + timeoutMs;
  let status = 'open';
  while (!['completed', 'failed', 'cancelled'].includes(status)) {
    if (Date.now() > deadline) throw new Error(`task ${created.body.id} (${name}) still ${status} after ${timeoutMs} ms`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    status = (await demo.get<{ status: string }>(`/api/scaffolder/v2/tasks/${created.body.id}`)).body.status;
  }
  const events = (await demo.get<TaskEvent[]>(`/api/scaffolder/v2/tasks/${created.body.id}/events`)).body;
  const steps: Record<string, string> = {};
  for (const event of events) if (event.body.stepId && event.body.status) steps[event.body.stepId] = event.body.status;
  return {
    status,
    steps,
    log: events.filter((event) => event.type === 'log').map((event) => stripVTControlCharacters(event.body.message)),
    ...(events.find((event) => event.type === 'completion') && {
      completion: events.find((event) => event.type === 'completion')!.body,
    }),
  };
}
