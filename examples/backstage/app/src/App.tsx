/**
 * The Shiftdown demo app: a plain new-frontend-system Backstage app (catalog, software templates) plus
 * the Shiftdown plugin, which adds the entity "Security" tab, an entity card and the `/shiftdown`
 * overview page. Sign-in is the app plugin's default guest sign-in page (local demo only).
 */
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import shiftdownPlugin from '@shiftdown/backstage-plugin-shiftdown/alpha';

export default createApp({
  features: [catalogPlugin, scaffolderPlugin, shiftdownPlugin],
});
