/**
 * The Shiftdown demo backend: a plain Backstage backend (catalog, software templates, guest sign-in,
 * allow-all permissions) with the Shiftdown scorecard plugin and the `shiftdown:check` scaffolder
 * action, serving the demo app's build. Storage is SQLite in memory: every start is a fresh demo.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { configArgv, demoDir, locateDemoApp } from './setup.js';

/**
 * Backstage's backend packages are CommonJS: imported from ESM, their default export sits one level
 * deeper (`module.default.default`).
 */
function commonJs(module: Promise<{ default: { default: BackendFeature } }>): Promise<{ default: BackendFeature }> {
  return module.then((loaded) => ({ default: loaded.default.default }));
}

const argv = configArgv(process.argv, process.cwd());
locateDemoApp();
// Relative paths in app-config.yaml (catalog locations) are relative to examples/backstage.
process.chdir(demoDir);

const backend = createBackend();
backend.add(rootConfigServiceFactory({ argv }));

backend.add(commonJs(import('@backstage/plugin-app-backend')));
backend.add(commonJs(import('@backstage/plugin-auth-backend')));
backend.add(commonJs(import('@backstage/plugin-auth-backend-module-guest-provider')));
backend.add(commonJs(import('@backstage/plugin-permission-backend')));
backend.add(commonJs(import('@backstage/plugin-permission-backend-module-allow-all-policy')));
backend.add(commonJs(import('@backstage/plugin-catalog-backend')));
backend.add(commonJs(import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model')));
backend.add(commonJs(import('@backstage/plugin-scaffolder-backend')));
backend.add(import('@shiftdown/backstage-plugin-scaffolder-backend-module-shiftdown'));
backend.add(import('@shiftdown/backstage-plugin-shiftdown-backend'));

await backend.start();
