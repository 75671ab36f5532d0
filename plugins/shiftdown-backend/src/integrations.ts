/**
 * `ScmIntegrations` from `@backstage/integration`, loaded from its CommonJS build: the package's
 * `import` condition points at a bundler build that imports lodash's named exports, which Node's own
 * ESM loader cannot provide ("does not provide an export named 'trimEnd'").
 */
import { createRequire } from 'node:module';
import type * as Integration from '@backstage/integration';

const require = createRequire(import.meta.url);

export const { ScmIntegrations } = require('@backstage/integration') as typeof Integration;
export type { ScmIntegrationRegistry } from '@backstage/integration';
