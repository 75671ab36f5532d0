import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { OverviewQuery, OverviewResponse } from '@shiftdown/backstage-plugin-shiftdown-common';
import { ShiftdownOverviewPage } from '../../src/components/ShiftdownOverview/index.js';
import { overviewEntries, overviewEntry } from '../fixtures.js';
import { LocationProbe, fakeShiftdownApi, pending, pinNow, renderWithApis } from '../render.js';

const DEFAULT_QUERY: OverviewQuery = {
  owner: undefined,
  kind: undefined,
  grade: undefined,
  sort: 'score',
  order: 'asc',
  limit: 25,
  offset: 0,
};

const NO_FACETS = { owners: [], kinds: [] };
const distinct = (values: Array<string | undefined>) =>
  [...new Set(values.filter((value): value is string => value !== undefined))].sort();

/** The backend, reduced to what the page relies on: the owner and kind filters, their facets and the total. */
function overviewApi(
  answer: (query: OverviewQuery) => OverviewResponse = (query) => {
    const ownerMatches = overviewEntries.filter((entry) => !query.owner || entry.owner === query.owner);
    const kindMatches = overviewEntries.filter((entry) => !query.kind || entry.kind === query.kind);
    const items = ownerMatches.filter((entry) => kindMatches.includes(entry));
    return {
      items,
      total: items.length,
      facets: {
        owners: distinct(kindMatches.map((entry) => entry.owner)),
        kinds: distinct(ownerMatches.map((entry) => entry.kind)),
      },
    };
  },
) {
  const api = fakeShiftdownApi();
  api.getOverview.mockImplementation(async (query) => answer(query ?? {}));
  return api;
}

function rows() {
  const table = screen.getByRole('table', { name: 'Security scorecards' });
  return within(table).getAllByRole('row').slice(1);
}

/** The filter pickers (the table's sortable headers are buttons named "Owner" and "Grade" too). */
function filter(label: 'Owner' | 'Kind' | 'Grade') {
  const filters = screen.getByRole('search', { name: 'Filter scorecards' });
  return within(filters).getByRole('button', { name: new RegExp(`^${label} `) });
}

/** Opens a filter picker; its options' texts, in order. */
async function openPicker(label: 'Owner' | 'Kind' | 'Grade'): Promise<(string | null)[]> {
  await userEvent.click(filter(label));
  return within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((option) => option.textContent);
}

/** Picks an option of the open picker. */
async function pick(name: string) {
  await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name }));
}

function lastQuery(api: ReturnType<typeof overviewApi>): OverviewQuery | undefined {
  return api.getOverview.mock.calls.at(-1)?.[0];
}

describe('ShiftdownOverviewPage', () => {
  beforeEach(pinNow);

  it('lists every scanned entity with owner, grade, score, trend, counts and last scan', async () => {
    const api = overviewApi();
    await renderWithApis(<ShiftdownOverviewPage />, { api });

    expect(await screen.findByText('3 entities scanned')).toBeInTheDocument();
    expect(screen.getByText('Security scorecards', { selector: 'h1' })).toBeInTheDocument();
    // Each picker is labelled by a static label above it, showing the "all" choice. (MUI's floating
    // InputLabel, which carries data-shrink, is drawn over an empty field's value: "All owners".)
    const filters = screen.getByRole('search', { name: 'Filter scorecards' });
    expect(
      within(filters)
        .getAllByRole('button')
        .map((picker) => {
          const label = document.getElementById(picker.getAttribute('aria-labelledby')!.split(' ')[0]!)!;
          return [label.tagName, label.textContent, label.getAttribute('data-shrink'), picker.textContent];
        }),
    ).toEqual([
      ['LABEL', 'Owner', null, 'All owners'],
      ['LABEL', 'Kind', null, 'All kinds'],
      ['LABEL', 'Grade', null, 'All grades'],
    ]);
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    expect(api.getOverview).toHaveBeenCalledTimes(1);
    expect(api.getOverview).toHaveBeenCalledWith(DEFAULT_QUERY);

    const [payments, checkout, gpu] = rows();
    expect(
      within(payments!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'paymentsComponent',
      'payments-team',
      'D',
      '58',
      '',
      '1',
      '1',
      '1',
      '0',
      '5 minutes agoCI push',
    ]);
    expect(within(payments!).getByRole('link', { name: 'payments' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments',
    );
    expect(within(payments!).getByRole('link', { name: /payments-team/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team',
    );
    expect(
      within(payments!).getByRole('link', { name: 'Grade D: open the Security tab of payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments/security');
    expect(within(payments!).getByRole('img', { name: 'Recent scores: 64, 71, 58' })).toBeInTheDocument();

    expect(within(checkout!).getByRole('link', { name: 'shop/checkout' })).toHaveAttribute(
      'href',
      '/catalog/shop/component/checkout',
    );
    expect(within(checkout!).getAllByRole('cell').at(-1)?.textContent).toBe('2 hours agoBackend scan');
    expect(within(gpu!).getByText('Resource')).toBeInTheDocument();
    expect(within(gpu!).getByLabelText('No trend yet')).toBeInTheDocument();
  });

  it('filters by owner: asks the backend, shows its answer and keeps the filter in the URL', async () => {
    const api = overviewApi();
    await renderWithApis(
      <>
        <ShiftdownOverviewPage />
        <LocationProbe />
      </>,
      { api, routeEntries: ['/shiftdown'] },
    );
    await screen.findByText('3 entities scanned');

    expect(await openPicker('Owner')).toEqual(['All owners', 'ml-platform', 'payments-team', 'shop']);
    await pick('payments-team');

    expect(await screen.findByText('1 entity match the filters')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, owner: 'group:default/payments-team' });
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/shiftdown?owner=group%3Adefault%2Fpayments-team',
    );
    expect(rows()).toHaveLength(1);
    expect(within(rows()[0]!).getByRole('link', { name: 'payments' })).toBeInTheDocument();

    // The other owners are still offered (the facet ignores the owner filter).
    expect(await openPicker('Owner')).toEqual(['All owners', 'ml-platform', 'payments-team', 'shop']);
    // Back to every owner.
    await pick('All owners');
    expect(await screen.findByText('3 entities scanned')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual(DEFAULT_QUERY);
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/shiftdown$/);
  });

  it('reads owner, kind, grade, sort and page from the URL', async () => {
    const api = overviewApi(() => ({ items: [overviewEntries[0]!], total: 26, facets: NO_FACETS }));
    await renderWithApis(<ShiftdownOverviewPage />, {
      api,
      routeEntries: [
        '/?owner=group%3Adefault%2Fpayments-team&kind=Component&grade=D&sort=name&order=desc&page=1',
      ],
    });

    expect(await screen.findByText('26 entities match the filters')).toBeInTheDocument();
    expect(api.getOverview).toHaveBeenCalledWith({
      owner: 'group:default/payments-team',
      kind: 'Component',
      grade: 'D',
      sort: 'name',
      order: 'desc',
      limit: 25,
      offset: 25,
    });
    expect(filter('Owner')).toHaveTextContent('payments-team');
    expect(filter('Grade')).toHaveTextContent('D');
    expect(screen.getByText('26–26 of 26')).toBeInTheDocument();
  });

  it("offers the backend's owners and kinds, from every page, and a chosen value it does not list", async () => {
    const api = overviewApi(() => ({
      items: [overviewEntries[0]!],
      total: 60,
      facets: { owners: ['group:default/a-team', 'group:default/z-team'], kinds: ['API', 'Component'] },
    }));
    await renderWithApis(<ShiftdownOverviewPage />, {
      api,
      routeEntries: ['/?owner=group%3Adefault%2Fgone'],
    });
    await screen.findByText('60 entities match the filters');

    expect(await openPicker('Owner')).toEqual(['All owners', 'a-team', 'gone', 'z-team']);
    await userEvent.keyboard('{Escape}');
    expect(await openPicker('Kind')).toEqual(['All kinds', 'API', 'Component']);
  });

  it('clears every filter at once, keeping the sort', async () => {
    const api = overviewApi();
    await renderWithApis(
      <>
        <ShiftdownOverviewPage />
        <LocationProbe />
      </>,
      { api, routeEntries: ['/shiftdown?owner=group%3Adefault%2Fpayments-team&grade=D&sort=name&page=1'] },
    );
    expect(await screen.findByText('1 entity match the filters')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));

    expect(await screen.findByText('3 entities scanned')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, sort: 'name' });
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/shiftdown\?sort=name$/);
    expect(filter('Owner')).toHaveTextContent('All owners');
    expect(filter('Grade')).toHaveTextContent('All grades');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('filters by kind and grade', async () => {
    const api = overviewApi();
    await renderWithApis(<ShiftdownOverviewPage />, { api });
    await screen.findByText('3 entities scanned');

    expect(await openPicker('Kind')).toEqual(['All kinds', 'Component', 'Resource']);
    await pick('Resource');
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, kind: 'Resource' }));

    await userEvent.click(filter('Grade'));
    await pick('A+');
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, kind: 'Resource', grade: 'A+' }));
  });

  it('sorts on the backend: a new column first, then the other direction', async () => {
    const api = overviewApi();
    await renderWithApis(<ShiftdownOverviewPage />, { api });
    await screen.findByText('3 entities scanned');

    await userEvent.click(screen.getByRole('button', { name: 'Last scanned' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, sort: 'scannedAt', order: 'desc' }),
    );
    expect(screen.getByRole('columnheader', { name: /Last scanned/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await userEvent.click(screen.getByRole('button', { name: /Last scanned/ }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, sort: 'scannedAt', order: 'asc' }),
    );
    expect(screen.getByRole('columnheader', { name: /Last scanned/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Owner' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, sort: 'owner', order: 'asc' }));

    await userEvent.click(screen.getByRole('button', { name: /^Score/ }));
    await waitFor(() => expect(lastQuery(api)).toEqual(DEFAULT_QUERY));
    expect(screen.getByRole('columnheader', { name: /^Score/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('pages through the backend with limit and offset', async () => {
    const api = overviewApi((query) => ({
      items: [overviewEntry({ name: `service-${query.offset}` })],
      total: 60,
      facets: NO_FACETS,
    }));
    await renderWithApis(<ShiftdownOverviewPage />, { api });
    expect(await screen.findByText('1–25 of 60')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('26–50 of 60')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, offset: 25 });
    expect(within(rows()[0]!).getByRole('link', { name: 'service-25' })).toBeInTheDocument();
  });

  it('explains an empty overview', async () => {
    const api = overviewApi(() => ({ items: [], total: 0, facets: NO_FACETS }));
    await renderWithApis(<ShiftdownOverviewPage />, { api });
    expect(await screen.findByText('No scorecards yet')).toBeInTheDocument();
    expect(screen.getByText('0 entities scanned')).toBeInTheDocument();
  });

  it('says when no entity matches the filters', async () => {
    const api = overviewApi(() => ({ items: [], total: 0, facets: NO_FACETS }));
    await renderWithApis(<ShiftdownOverviewPage />, { api, routeEntries: ['/?grade=F'] });
    expect(await screen.findByText('No scorecards match these filters')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({ ...DEFAULT_QUERY, grade: 'F' });
  });

  it('shows progress while loading and the error when the backend fails', async () => {
    const loadingApi = fakeShiftdownApi();
    loadingApi.getOverview.mockReturnValue(pending());
    const { unmount } = await renderWithApis(<ShiftdownOverviewPage />, { api: loadingApi });
    expect(await screen.findByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
    unmount();

    const failingApi = fakeShiftdownApi();
    failingApi.getOverview.mockRejectedValue(new Error('permission denied'));
    await renderWithApis(<ShiftdownOverviewPage />, { api: failingApi });
    expect(await screen.findByText(/Could not load the Shiftdown overview/)).toBeInTheDocument();
    expect(screen.getByText('permission denied')).toBeInTheDocument();
  });
});
