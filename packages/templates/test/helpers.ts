import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkTemplates } from '../src/index.js';
import type { CheckTemplatesOptions, TemplateCheckResult, TemplateSource } from '../src/index.js';

/** A fresh temporary directory holding `files` (path → content); removed by `cleanup`. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): {
  root: string;
  write(path: string, content: string | Uint8Array): string;
  link(path: string, target: string): void;
  cleanup(): void;
} {
  const root = mkdtempSync(join(tmpdir(), 'shiftdown-templates-'));
  const write = (path: string, content: string | Uint8Array): string => {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    return absolute;
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  return {
    root,
    write,
    link: (path, target) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      symlinkSync(target, join(root, path));
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A v1beta3 Template with these parameter properties and steps (YAML text, indented under `spec:`). */
export function templateYaml(options: { name?: string; parameters?: string; steps: string }): string {
  return [
    'apiVersion: scaffolder.backstage.io/v1beta3',
    'kind: Template',
    'metadata:',
    `  name: ${options.name ?? 'demo'}`,
    'spec:',
    '  owner: group:default/platform',
    '  type: service',
    '  parameters:',
    '    - title: Service',
    '      properties:',
    ...(options.parameters ?? '        name:\n          type: string\n          default: web').split('\n'),
    '  steps:',
    ...options.steps.split('\n'),
    '',
  ].join('\n');
}

/** One fetch:template step rendering ./skeleton with `values` (YAML lines under `values:`). */
export function fetchStep(input: string = ''): string {
  return [
    '    - id: fetch',
    '      action: fetch:template',
    '      input:',
    '        url: ./skeleton',
    '        values:',
    '          name: ${{ parameters.name }}',
    ...(input === '' ? [] : input.split('\n')),
  ].join('\n');
}

/** The shared test data directory: SHIFTDOWN_SHARED_DIR, else ../shared beside the repository. */
export const SHARED_DIR = process.env.SHIFTDOWN_SHARED_DIR ?? resolve(__dirname, '../../../../shared');

/** The repository root. */
export const REPO_ROOT = resolve(__dirname, '../../..');

export const PRIVILEGED_POD_SKELETON = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: ${{ values.name }}',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');

/**
 * The sources a surface hands to checkTemplates for these paths (relative to `cwd`): each named file, and
 * every regular file under each named directory, read as UTF-8. (The CLI collects them with `scan`'s file
 * walking; these tests need no more than this.)
 */
export function templateSources(cwd: string, paths: readonly string[]): TemplateSource[] {
  const sources: TemplateSource[] = [];
  const add = (absolutePath: string, explicit: boolean): void => {
    const path = relative(cwd, absolutePath).split(sep).join('/');
    sources.push({ path, absolutePath, text: readFileSync(absolutePath, 'utf8'), explicit });
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!statSync(absolute).isDirectory()) {
      add(absolute, true);
      continue;
    }
    for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) add(join(entry.parentPath, entry.name), false);
    }
  }
  return sources;
}

/** `checkTemplates` of the templates at `paths` (relative to `options.cwd`). */
export function checkPaths(
  paths: readonly string[],
  options: CheckTemplatesOptions & { cwd: string },
): Promise<TemplateCheckResult> {
  return checkTemplates(templateSources(options.cwd, paths), options);
}
