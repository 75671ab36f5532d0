import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  TableSortLabel,
  Typography,
} from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { OverviewEntry, OverviewSortField } from '@shiftdown/backstage-plugin-shiftdown-common';
import { GradeBadge } from '../GradeBadge.js';
import { ScanTime } from '../ScanTime.js';
import { SEVERITIES_WITHOUT_INFO, SEVERITY_LABELS } from '../format.js';
import { useSecurityTabLink } from '../useSecurityTabLink.js';
import { PAGE_SIZES } from './overviewQuery.js';
import { ScoreSparkline } from './ScoreSparkline.js';

function SortableHeader(props: {
  field: OverviewSortField;
  label: string;
  sort: OverviewSortField;
  order: 'asc' | 'desc';
  onSort: (field: OverviewSortField) => void;
  align?: 'right';
}) {
  const { field, label, sort, order, onSort, align } = props;
  const active = sort === field;
  return (
    <TableCell align={align} sortDirection={active ? order : false}>
      <TableSortLabel active={active} direction={active ? order : 'asc'} onClick={() => onSort(field)}>
        {label}
      </TableSortLabel>
    </TableCell>
  );
}

function EntityCell(props: { entry: OverviewEntry }) {
  const { entry } = props;
  const name = entry.title ?? entry.name;
  return (
    <>
      <EntityRefLink entityRef={entry.entityRef}>
        {entry.namespace !== 'default' ? `${entry.namespace}/${name}` : name}
      </EntityRefLink>
      <Typography variant="caption" color="textSecondary" component="div">
        {entry.kind}
      </Typography>
    </>
  );
}

/** The roll-up: one row per scanned entity, sorted and paged by the backend. */
export function OverviewTable(props: {
  items: OverviewEntry[];
  total: number;
  sort: OverviewSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  onSort: (field: OverviewSortField) => void;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const { items, total, sort, order, page, pageSize, onSort, onPage, onPageSize } = props;
  const securityTabLink = useSecurityTabLink();
  const header = { sort, order, onSort };
  return (
    <>
      <Table size="small" aria-label="Security scorecards">
        <TableHead>
          <TableRow>
            <SortableHeader field="name" label="Entity" {...header} />
            <SortableHeader field="owner" label="Owner" {...header} />
            <SortableHeader field="grade" label="Grade" {...header} />
            <SortableHeader field="score" label="Score" {...header} align="right" />
            <TableCell>Trend</TableCell>
            {SEVERITIES_WITHOUT_INFO.map((severity) => (
              <TableCell key={severity} align="right">
                {SEVERITY_LABELS[severity]}
              </TableCell>
            ))}
            <SortableHeader field="scannedAt" label="Last scanned" {...header} />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((entry) => (
            <TableRow key={entry.entityRef} data-testid={`shiftdown-row-${entry.entityRef}`}>
              <TableCell>
                <EntityCell entry={entry} />
              </TableCell>
              <TableCell>
                {entry.owner ? <EntityRefLink entityRef={entry.owner} defaultKind="group" /> : '–'}
              </TableCell>
              <TableCell>
                <Link
                  to={securityTabLink(entry.entityRef)}
                  aria-label={`Grade ${entry.grade}: open the Security tab of ${entry.name}`}
                >
                  <GradeBadge grade={entry.grade} />
                </Link>
              </TableCell>
              <TableCell align="right">{entry.score}</TableCell>
              <TableCell>
                <ScoreSparkline scores={entry.trend} />
              </TableCell>
              {SEVERITIES_WITHOUT_INFO.map((severity) => (
                <TableCell key={severity} align="right">
                  {entry.counts[severity]}
                </TableCell>
              ))}
              <TableCell>
                <ScanTime scannedAt={entry.scannedAt} compact />
                <Typography variant="caption" color="textSecondary" component="div">
                  {entry.source === 'push' ? 'CI push' : 'Backend scan'}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={total}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[...PAGE_SIZES]}
        labelDisplayedRows={({ from, to, count }) => `${from}–${to} of ${count}`}
        onPageChange={(_event, newPage) => onPage(newPage)}
        onRowsPerPageChange={(event) => onPageSize(Number.parseInt(event.target.value, 10))}
      />
    </>
  );
}
