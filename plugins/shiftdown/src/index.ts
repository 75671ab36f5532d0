/**
 * Shiftdown for Backstage (legacy frontend system): Kubernetes security scorecards as an entity tab, an
 * entity card and an overview page. The new frontend system is in `@shiftdown/backstage-plugin-shiftdown/alpha`.
 */
export { shiftdownPlugin, EntityShiftdownContent, EntityShiftdownCard, ShiftdownPage } from './plugin.js';
export { shiftdownApiRef, type ScorecardLookup, type ShiftdownApi } from './api/ShiftdownApi.js';
export { ShiftdownClient } from './api/ShiftdownClient.js';
export type { EntityShiftdownCardProps } from './components/EntityShiftdownCard/index.js';
export {
  isShiftdownAvailable,
  SHIFTDOWN_ANNOTATIONS,
  SHIFTDOWN_MANIFESTS_ANNOTATION,
} from '@shiftdown/backstage-plugin-shiftdown-common';
export type {
  OverviewEntry,
  OverviewQuery,
  OverviewResponse,
  Scorecard,
  ScorecardFinding,
  ScoreHistory,
} from '@shiftdown/backstage-plugin-shiftdown-common';
