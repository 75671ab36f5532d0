/**
 * The Shiftdown backend plugin (`pluginId: 'shiftdown'`): computes, stores and serves Kubernetes
 * security scorecards per catalog entity. Install: `backend.add(import('@shiftdown/backstage-plugin-shiftdown-backend'))`.
 */
import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from './integrations.js';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { SHIFTDOWN_PLUGIN_ID } from '@shiftdown/backstage-plugin-shiftdown-common';
import { readSettings } from './config.js';
import { ScorecardStore } from './database/ScorecardStore.js';
import { createRouter } from './router/router.js';
import { ManifestScanner } from './scan/scanner.js';
import { createScanRunner } from './scan/scan-runner.js';

/** The id of the scheduled task that scans every entity (`scheduler.triggerTask(SCAN_TASK_ID)` runs it now). */
export const SCAN_TASK_ID = 'shiftdown-scan';

export const shiftdownPlugin = createBackendPlugin({
  pluginId: SHIFTDOWN_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        urlReader,
        httpRouter,
        httpAuth,
        auth,
        auditor,
        lifecycle,
        catalog,
      }) {
        const settings = readSettings(config);
        const store = await ScorecardStore.create({
          knex: await database.getClient(),
          skipMigrations: database.migrations?.skip === true,
        });
        const integrations = ScmIntegrations.fromConfig(config);
        // Source links are made where the scan runs: the worker threads get the `integrations:` config as data.
        const runner = createScanRunner({
          threads: settings.scanThreads,
          integrations: config.getOptional('integrations'),
        });
        lifecycle.addShutdownHook(() => runner.close());
        const scanner = new ManifestScanner({
          runner,
          catalog,
          auth,
          urlReader,
          store,
          logger,
          settings,
          integrations,
        });

        await scheduler.scheduleTask({
          id: SCAN_TASK_ID,
          ...settings.schedule,
          fn: async (signal) => {
            await scanner.scanAll(signal);
          },
        });
        if (settings.scanOnStartup) {
          lifecycle.addStartupHook(async () => {
            try {
              await scheduler.triggerTask(SCAN_TASK_ID);
            } catch (error) {
              // ConflictError: the task is already running (it starts at once on a fresh schedule).
              logger.info(
                `Shiftdown start-up scan not triggered: ${error instanceof Error ? error.message : String(error)}`,
              );
            }
          });
        }

        httpRouter.use(
          await createRouter({
            httpAuth,
            auth,
            catalog,
            store,
            scanner,
            settings,
            integrations,
            logger,
            auditor,
          }),
        );
      },
    });
  },
});
