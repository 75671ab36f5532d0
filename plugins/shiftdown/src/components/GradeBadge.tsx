import { Box, Typography } from '@material-ui/core';
import { gradeColor } from './format.js';

/** The letter grade on its colour: large on the tab and card, small in tables. */
export function GradeBadge(props: { grade: string; size?: 'large' | 'small'; label?: string }) {
  const { grade, size = 'small', label = `Grade ${grade}` } = props;
  const large = size === 'large';
  return (
    <Box
      component="span"
      aria-label={label}
      display="inline-flex"
      alignItems="center"
      justifyContent="center"
      minWidth={large ? 88 : 36}
      height={large ? 88 : 28}
      px={large ? 1 : 0.75}
      borderRadius={large ? 12 : 6}
      style={{ backgroundColor: gradeColor(grade), color: '#fff' }}
    >
      <Typography
        component="span"
        variant={large ? 'h3' : 'subtitle2'}
        style={{ fontWeight: 700, color: 'inherit' }}
      >
        {grade}
      </Typography>
    </Box>
  );
}
