import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { InfoCard, LinearGauge } from '@backstage/core-components';
import type { CategoryBreakdown } from '@shiftdown/backstage-plugin-shiftdown-common';
import { GradeBadge } from '../GradeBadge.js';

const useStyles = makeStyles((theme) => ({
  // Compact rows: a category list of a dozen rows stays about as tall as the cards next to it.
  table: { '& td, & th': { paddingTop: theme.spacing(0.5), paddingBottom: theme.spacing(0.5) } },
}));

/** A column as narrow as its content, on one line ("Grade", "Findings" must not wrap). */
const SHRINK = { width: '1%', whiteSpace: 'nowrap' } as const;

/** One row per rule category: grade, score and findings (weakest category first). */
export function CategoryBreakdownCard(props: { categories: CategoryBreakdown[] }) {
  const classes = useStyles();
  const categories = [...props.categories].sort(
    (a, b) => a.score - b.score || a.title.localeCompare(b.title),
  );
  return (
    <InfoCard title="Categories">
      {categories.length === 0 ? (
        <Typography variant="body2">No rule categories were evaluated.</Typography>
      ) : (
        <Table size="small" aria-label="Score by category" className={classes.table}>
          <TableHead>
            <TableRow>
              <TableCell>Category</TableCell>
              <TableCell style={SHRINK}>Grade</TableCell>
              <TableCell style={{ width: '25%' }}>Score</TableCell>
              <TableCell align="right" style={SHRINK}>
                Findings
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {categories.map((category) => (
              <TableRow key={category.category}>
                <TableCell component="th" scope="row">
                  {category.title}
                </TableCell>
                <TableCell style={SHRINK}>
                  <GradeBadge grade={category.grade} label={`${category.title}: grade ${category.grade}`} />
                </TableCell>
                <TableCell>
                  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                    <Box width={28} textAlign="right" flexShrink={0}>
                      {category.score}
                    </Box>
                    <Box flex={1} minWidth={40} aria-hidden>
                      <LinearGauge value={category.score / 100} />
                    </Box>
                  </Box>
                </TableCell>
                <TableCell align="right">{category.findings}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
