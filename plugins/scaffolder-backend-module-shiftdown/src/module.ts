import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createShiftdownCheckAction } from './action.js';

/** Registers `shiftdown:check` with the scaffolder: `backend.add(import('@shiftdown/backstage-plugin-scaffolder-backend-module-shiftdown'))`. */
export const scaffolderModuleShiftdown = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'shiftdown',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createShiftdownCheckAction());
      },
    });
  },
});
