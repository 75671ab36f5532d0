import type { ReactNode } from 'react';
import { Box, Button, FormControl, FormLabel, MenuItem, Select, makeStyles } from '@material-ui/core';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { LETTER_GRADES, type LetterGrade } from '@shiftdown/backstage-plugin-shiftdown-common';

const ALL = '';

const useStyles = makeStyles((theme) => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: theme.spacing(2) },
  control: { minWidth: 200 },
  // The label sits above the field, as on the catalog's own filters, never over the selected value.
  label: {
    ...theme.typography.body2,
    fontWeight: 'bold',
    color: theme.palette.text.primary,
    marginBottom: theme.spacing(0.5),
    '&.Mui-focused': { color: theme.palette.text.primary },
  },
  select: { backgroundColor: theme.palette.background.paper },
  summary: {
    marginLeft: 'auto',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    minHeight: 40,
  },
}));

function FilterSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: readonly string[];
  renderOption?: (option: string) => ReactNode;
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, allLabel, value, options, renderOption = (option) => option, onChange } = props;
  const classes = useStyles();
  return (
    <FormControl variant="outlined" size="small" className={classes.control}>
      <FormLabel id={`${id}-label`} className={classes.label}>
        {label}
      </FormLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        value={value ?? ALL}
        displayEmpty
        className={classes.select}
        // The menu opens below the field instead of over it.
        MenuProps={{
          anchorOrigin: { vertical: 'bottom', horizontal: 'left' },
          transformOrigin: { vertical: 'top', horizontal: 'left' },
          getContentAnchorEl: null,
        }}
        onChange={(event) => onChange((event.target.value as string) || undefined)}
      >
        <MenuItem value={ALL}>{allLabel}</MenuItem>
        {options.map((option) => (
          <MenuItem key={option} value={option}>
            {renderOption(option)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

export interface OverviewFilterValues {
  owner?: string;
  kind?: string;
  grade?: LetterGrade;
}

/**
 * Owner, kind and grade pickers (owners and kinds are the ones seen in the results so far), "Clear
 * filters" while any is set, and `summary` (how many entities) at the right end of the bar.
 */
export function OverviewFilters(props: {
  values: OverviewFilterValues;
  owners: readonly string[];
  kinds: readonly string[];
  onChange: (values: OverviewFilterValues) => void;
  summary?: ReactNode;
}) {
  const { values, owners, kinds, onChange, summary } = props;
  const classes = useStyles();
  const filtered = Boolean(values.owner || values.kind || values.grade);
  return (
    <Box className={classes.bar}>
      <Box className={classes.filters} role="search" aria-label="Filter scorecards">
        <FilterSelect
          id="shiftdown-owner-filter"
          label="Owner"
          allLabel="All owners"
          value={values.owner}
          options={owners}
          // The owner's title from the catalog ("Platform team"), as the table's owner links show it.
          renderOption={(owner) => (
            <EntityDisplayName entityRef={owner} defaultKind="group" hideIcon disableTooltip />
          )}
          onChange={(owner) => onChange({ ...values, owner })}
        />
        <FilterSelect
          id="shiftdown-kind-filter"
          label="Kind"
          allLabel="All kinds"
          value={values.kind}
          options={kinds}
          onChange={(kind) => onChange({ ...values, kind })}
        />
        <FilterSelect
          id="shiftdown-grade-filter"
          label="Grade"
          allLabel="All grades"
          value={values.grade}
          options={LETTER_GRADES}
          onChange={(grade) => onChange({ ...values, grade: grade as LetterGrade | undefined })}
        />
        {filtered && (
          <Box minHeight={40} display="flex" alignItems="center">
            <Button
              size="small"
              color="primary"
              onClick={() => onChange({ owner: undefined, kind: undefined, grade: undefined })}
            >
              Clear filters
            </Button>
          </Box>
        )}
      </Box>
      <Box className={classes.summary}>{summary}</Box>
    </Box>
  );
}
