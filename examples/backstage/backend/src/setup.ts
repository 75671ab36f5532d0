/**
 * Start-up plumbing that makes the demo backend runnable from any working directory with a plain
 * `node examples/backstage/backend/dist/index.js [--config extra.yaml …]`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { overridePackagePathResolution } from '@backstage/backend-plugin-api/testUtils';

/** examples/backstage: app-config.yaml, catalog/ and the app live here. */
export const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const demoConfigPath = resolve(demoDir, 'app-config.yaml');
export const demoAppPackage = '@shiftdown/demo-app';

/**
 * The argv handed to Backstage's config loader: the demo's app-config.yaml first, then every `--config`
 * given on the command line (resolved against the caller's working directory, which the backend
 * leaves at start-up) layered on top of it.
 */
export function configArgv(argv: readonly string[], cwd: string): string[] {
  const [node = 'node', script = 'index.js', ...rest] = argv;
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--config' && i + 1 < rest.length) {
      args.push('--config', resolve(cwd, rest[++i]!));
    } else if (arg.startsWith('--config=')) {
      args.push('--config', resolve(cwd, arg.slice('--config='.length)));
    } else {
      args.push(arg);
    }
  }
  return [node, script, '--config', demoConfigPath, ...args];
}

/**
 * plugin-app-backend finds the app to serve by resolving `app.packageName` from the install location of
 * @backstage/backend-plugin-api (the hoisted root node_modules). pnpm links workspace packages only into
 * their dependents' node_modules, never into the root one, so from there `@shiftdown/demo-app` never
 * resolves: point it at the sibling folder.
 */
export function locateDemoApp(): string {
  const appDir = resolve(demoDir, 'app');
  overridePackagePathResolution({ packageName: demoAppPackage, path: appDir });
  return appDir;
}
