/**
 * `ScmIntegrations` from `@backstage/integration`, loaded from its CommonJS build: the package's
 * `import` condition points at a bundler build that imports lodash's named exports, which Node's own
 * ESM loader cannot provide ("does not provide an export named 'trimEnd'").
 */
import { createRequire } from 'node:module';
import { ConfigReader, type JsonValue } from '@backstage/config';
import type * as Integration from '@backstage/integration';
import type { ScmIntegrationRegistry } from '@backstage/integration';

const require = createRequire(import.meta.url);

export const { ScmIntegrations } = require('@backstage/integration') as typeof Integration;
export type { ScmIntegrationRegistry };

/**
 * The registry of the app-config's `integrations:` section given as plain data (`config.getOptional('integrations')`),
 * the form in which it reaches a scan worker thread.
 */
export function integrationsFromData(integrations: JsonValue | undefined): ScmIntegrationRegistry {
  return ScmIntegrations.fromConfig(new ConfigReader(integrations === undefined ? {} : { integrations }));
}
