/** The overview page's header title (and the plugin's title). */
export const SHIFTDOWN_PAGE_TITLE = 'Security scorecards';
/** Its navigation item's title: the sidebar cuts anything much longer ("Security score…"). */
export const SHIFTDOWN_NAV_TITLE = 'Security';
