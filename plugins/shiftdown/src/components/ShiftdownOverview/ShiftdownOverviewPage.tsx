import { Content, Header, Page } from '@backstage/core-components';
import { SHIFTDOWN_PAGE_TITLE } from '../../titles.js';
import { OverviewContent } from './OverviewContent.js';

const SUBTITLE = 'Kubernetes security grades of every scanned service, by owner';

/** The overview page for legacy apps: Backstage page frame with its own header. */
export function ShiftdownOverviewPage() {
  return (
    <Page themeId="tool">
      <Header title={SHIFTDOWN_PAGE_TITLE} subtitle={SUBTITLE} />
      <Content>
        <OverviewContent />
      </Content>
    </Page>
  );
}

/** The overview page's body for the new frontend system, where the app draws the page header. */
export function ShiftdownOverviewPageContent() {
  return (
    <Content>
      <OverviewContent />
    </Content>
  );
}
