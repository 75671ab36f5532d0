/**
 * What a push says about where the report comes from: `?commit=<sha>&repository=<url>&ref=<branch>`,
 * or the `X-Shiftdown-Commit`, `X-Shiftdown-Repository`, `X-Shiftdown-Ref` headers (a query parameter
 * wins over its header). All optional; invalid values are a 400 naming the parameter.
 */
import type { Request } from 'express';
import { InputError } from '@backstage/errors';
import { SHIFTDOWN_PUSH_HEADERS } from '@shiftdown/backstage-plugin-shiftdown-common';
import { normaliseRepositoryUrl } from '../scorecard/source-links.js';

export interface PushMetadata {
  commit?: string;
  repository?: string;
  ref?: string;
}

const COMMIT = /^[0-9a-f]{7,64}$/i;
const MAX_REF_LENGTH = 255;

function value(req: Request, name: keyof typeof SHIFTDOWN_PUSH_HEADERS): string | undefined {
  const query = req.query[name];
  if (Array.isArray(query)) throw new InputError(`give ${name} once`);
  if (typeof query === 'string' && query.trim() !== '') return query.trim();
  if (query !== undefined && typeof query !== 'string') throw new InputError(`invalid ${name}`);
  const header = req.header(SHIFTDOWN_PUSH_HEADERS[name]);
  return header !== undefined && header.trim() !== '' ? header.trim() : undefined;
}

export function readPushMetadata(req: Request): PushMetadata {
  const commit = value(req, 'commit');
  if (commit !== undefined && !COMMIT.test(commit)) {
    throw new InputError(`invalid commit "${commit}": give the commit SHA (7 to 64 hexadecimal digits)`);
  }
  const rawRepository = value(req, 'repository');
  let repository: string | undefined;
  if (rawRepository !== undefined) {
    repository = normaliseRepositoryUrl(rawRepository);
    if (repository === undefined)
      throw new InputError(`invalid repository "${rawRepository}": give its https:// URL`);
  }
  const ref = value(req, 'ref');
  if (ref !== undefined && (ref.length > MAX_REF_LENGTH || /[\s~^:?*[\\]/.test(ref))) {
    throw new InputError(`invalid ref "${ref}": give a branch or tag name`);
  }
  return {
    ...(commit !== undefined && { commit: commit.toLowerCase() }),
    ...(repository !== undefined && { repository }),
    ...(ref !== undefined && { ref }),
  };
}
