import { Box, LinearProgress, Paper, Typography } from '@material-ui/core';
import { EmptyState, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { OverviewSortField } from '@shiftdown/backstage-plugin-shiftdown-common';
import { useAsync } from 'react-use';
import { useSearchParams } from 'react-router-dom';
import { shiftdownApiRef } from '../../api/ShiftdownApi.js';
import { OverviewFilters, type OverviewFilterValues } from './OverviewFilters.js';
import { OverviewTable } from './OverviewTable.js';
import {
  FIRST_ORDER,
  readOverviewState,
  toOverviewQuery,
  writeOverviewState,
  type OverviewState,
} from './overviewQuery.js';

/**
 * The options of a picker: the backend's facet (every value the other filters leave, on all pages) and
 * the chosen value (from the URL, before the first answer or when nothing matches it), sorted.
 */
function options(facet: readonly string[] | undefined, chosen: string | undefined): string[] {
  const values = new Set(facet);
  if (chosen) values.add(chosen);
  return [...values].sort((a, b) => a.localeCompare(b));
}

/**
 * The overview across entities: filters (owner, kind, grade), a sortable, paged table; the state lives
 * in the URL so a filtered view can be shared.
 */
export function OverviewContent() {
  const api = useApi(shiftdownApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readOverviewState(searchParams);
  const query = toOverviewQuery(state);
  const queryKey = JSON.stringify(query);
  const { loading, error, value } = useAsync(() => api.getOverview(query), [api, queryKey]);

  const items = value?.items ?? [];
  const owners = options(value?.facets.owners, state.owner);
  const kinds = options(value?.facets.kinds, state.kind);
  const filtered = Boolean(state.owner || state.kind || state.grade);

  const update = (changes: Partial<OverviewState>) =>
    setSearchParams(writeOverviewState({ ...state, ...changes }));
  const onFilter = (filters: OverviewFilterValues) => update({ ...filters, page: 0 });
  const onSort = (field: OverviewSortField) =>
    update({
      sort: field,
      order: state.sort === field ? (state.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[field],
      page: 0,
    });

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} title="Could not load the Shiftdown overview" />;
  } else if (!value) {
    body = <Progress />;
  } else if (value.total === 0 && items.length === 0) {
    body = filtered ? (
      <EmptyState
        missing="data"
        title="No scorecards match these filters"
        description="Clear a filter to see more."
      />
    ) : (
      <EmptyState
        missing="data"
        title="No scorecards yet"
        description="Entities with the shiftdown.dev/manifests annotation (or a source location) get a scorecard after the first scheduled scan or CI push."
      />
    );
  } else {
    body = (
      <Paper>
        {loading ? <LinearProgress aria-label="Loading" /> : <Box height={4} />}
        <OverviewTable
          items={items}
          total={value.total}
          sort={state.sort}
          order={state.order}
          page={state.page}
          pageSize={state.pageSize}
          onSort={onSort}
          onPage={(page) => update({ page })}
          onPageSize={(pageSize) => update({ pageSize, page: 0 })}
        />
      </Paper>
    );
  }

  const summary = value && (
    <Typography variant="body2" color="textSecondary" role="status">
      {value.total === 1 ? '1 entity' : `${value.total} entities`}
      {filtered ? ' match the filters' : ' scanned'}
    </Typography>
  );

  return (
    <>
      <OverviewFilters
        values={{ owner: state.owner, kind: state.kind, grade: state.grade }}
        owners={owners}
        kinds={kinds}
        onChange={onFilter}
        summary={summary}
      />
      {body}
    </>
  );
}
