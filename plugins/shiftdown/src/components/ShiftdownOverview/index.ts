export { ShiftdownOverviewPage, ShiftdownOverviewPageContent } from './ShiftdownOverviewPage.js';
