/**
 * Run fetch steps into an in-memory workspace, as Backstage's handlers write the task workspace. For
 * `fetch:template`: file and directory names are rendered, a name that renders empty (or to an absolute
 * path or one with `//`) is left out, an existing file is kept unless `replace`, binary files and
 * symbolic links are copied as they are. `fetch:plain` copies, rendering nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, posix, resolve } from 'node:path';
import type { TemplateRenderer } from 'nunjitsu';
import { displayPath } from '../paths.js';
import type { FetchStep } from '../template/steps.js';
import { toTemplateValue } from '../template/steps.js';
import type { TemplateError } from '../types.js';
import { errorMessage, errorPosition, skeletonRenderer } from './engine.js';
import { renderWithMap } from './render-file.js';
import { globMatcher, isBinary, listSkeleton, MAX_SKELETON_FILES } from './skeleton-files.js';
import { IdentityMap, type SourceMap } from './source-map.js';

/** Skeleton files bigger than this are reported, not rendered. */
const MAX_SKELETON_FILE_BYTES = 4 * 1024 * 1024;

export interface WorkspaceFile {
  /** Path in the workspace, forward slashes. */
  rendered: string;
  /** Display path of the skeleton file. */
  skeleton: string;
  text?: string;
  binary: boolean;
  templated: boolean;
  map: SourceMap;
}

export interface StepOutcome {
  files: number;
  errors: TemplateError[];
}

export interface StepSite {
  /** Absolute path of the template file (relative URLs resolve against it). */
  templateFile: string;
  cwd: string;
  /** Where the step's `input.url` is written, for errors about it. */
  urlError: (message: string) => TemplateError;
}

export class Workspace {
  readonly files = new Map<string, WorkspaceFile>();

  async run(step: FetchStep, site: StepSite): Promise<StepOutcome> {
    const outcome: StepOutcome = { files: 0, errors: [] };
    const { input } = step;
    if (/^[a-z][a-z0-9+.-]*:/i.test(input.url) && !/^[a-z]:[\\/]/i.test(input.url)) {
      outcome.errors.push(site.urlError(`cannot render remote skeleton ${input.url}: only skeletons next to the template can be checked`));
      return outcome;
    }
    const source = resolve(dirname(site.templateFile), input.url);
    const info = await stat(source).catch(() => undefined);
    const shown = displayPath(site.cwd, source);
    if (!info) {
      outcome.errors.push(site.urlError(`skeleton not found: ${shown} does not exist`));
      return outcome;
    }
    const renderer = skeletonRenderer(input);
    const context = renderer.prepareContext({ [input.cookiecutterCompat ? 'cookiecutter' : 'values']: toTemplateValue(input.values) });
    /** Write the skeleton file at `absolute` to `relative` (a path in the workspace). */
    const write = async (relative: string, absolute: string, templated: boolean, symlink: boolean) => {
      const target = posix.normalize(relative.split('\\').join('/'));
      const skeleton = displayPath(site.cwd, absolute);
      if (target.startsWith('../') || target === '..' || isAbsolute(target)) {
        outcome.errors.push({ file: skeleton, line: 1, column: 1, message: `renders to ${target}, outside the workspace` });
        return;
      }
      if (this.files.has(target) && !input.replace) return;
      const file = await this.readSkeletonFile(absolute, skeleton, target, templated, symlink, renderer, context, input.cookiecutterCompat, outcome);
      if (file) {
        this.files.set(target, file);
        outcome.files++;
      }
    };

    const plain = step.action.startsWith('fetch:plain');
    if (step.action.endsWith(':file')) {
      if (!info.isFile()) {
        outcome.errors.push(site.urlError(`skeleton ${shown} is not a file (${step.action} fetches one file)`));
        return outcome;
      }
      await write(input.targetPath ?? '', source, !plain, false);
      return outcome;
    }
    if (!info.isDirectory()) {
      outcome.errors.push(site.urlError(`skeleton ${shown} is not a directory (${step.action} fetches a directory)`));
      return outcome;
    }

    const listing = await listSkeleton(source);
    if (listing.truncated) {
      outcome.errors.push(site.urlError(`skeleton ${shown} has more than ${MAX_SKELETON_FILES} files: only the first ${MAX_SKELETON_FILES} were rendered`));
    }
    const extension = input.templateFileExtension === true ? '.njk' : input.templateFileExtension || undefined;
    const dottedExtension = extension === undefined ? undefined : extension.startsWith('.') ? extension : `.${extension}`;
    const copyOnly = globMatcher(input.copyWithoutRender ?? input.copyWithoutTemplating ?? []);
    const renderNames = input.copyWithoutRender === undefined;
    for (const entry of listing.entries) {
      if (plain) {
        await write(posix.join(input.targetPath ?? '.', entry.location), entry.absolute, false, entry.symlink);
        continue;
      }
      let templated: boolean;
      let name = entry.location;
      if (dottedExtension !== undefined) {
        templated = extname(name) === dottedExtension;
        if (templated) name = name.slice(0, -dottedExtension.length);
      } else {
        templated = !copyOnly(entry.location);
      }
      if (dottedExtension !== undefined || renderNames || templated) {
        try {
          name = renderer.render(name, context);
        } catch (error) {
          outcome.errors.push({ file: displayPath(site.cwd, entry.absolute), line: 1, column: 1, message: `cannot render the file name: ${errorMessage(error)}` });
          continue;
        }
      }
      // Backstage leaves out what renders to nothing, an absolute path or a path with an empty part.
      if (name === '' || name.startsWith('/') || name.includes('//')) continue;
      await write(posix.join(input.targetPath ?? '.', name), entry.absolute, templated && !entry.symlink, entry.symlink);
    }
    return outcome;
  }

  private async readSkeletonFile(
    absolute: string,
    skeleton: string,
    rendered: string,
    templated: boolean,
    symlink: boolean,
    renderer: TemplateRenderer,
    context: ReturnType<TemplateRenderer['prepareContext']>,
    cookiecutterCompat: boolean,
    outcome: StepOutcome,
  ): Promise<WorkspaceFile | undefined> {
    const copied = { rendered, skeleton, binary: false, templated: false, map: new IdentityMap() };
    if (symlink) return copied;
    let bytes: Uint8Array;
    try {
      const info = await stat(absolute);
      if (info.size > MAX_SKELETON_FILE_BYTES) {
        outcome.errors.push({ file: skeleton, line: 1, column: 1, message: `file is too large to render (${info.size} bytes; the limit is ${MAX_SKELETON_FILE_BYTES})` });
        return undefined;
      }
      bytes = await readFile(absolute);
    } catch (error) {
      outcome.errors.push({ file: skeleton, line: 1, column: 1, message: `cannot read the file: ${(error as Error).message}` });
      return undefined;
    }
    if (isBinary(bytes)) return { ...copied, binary: true };
    const source = new TextDecoder('utf-8').decode(bytes);
    if (!templated) return { ...copied, text: source };
    try {
      const { text, map } = renderWithMap(source, renderer, context, cookiecutterCompat);
      return { rendered, skeleton, text, binary: false, templated: true, map };
    } catch (error) {
      const position = errorPosition(error) ?? { line: 1, column: 1 };
      outcome.errors.push({ file: skeleton, ...position, message: `cannot render: ${errorMessage(error)}` });
      return undefined;
    }
  }
}
