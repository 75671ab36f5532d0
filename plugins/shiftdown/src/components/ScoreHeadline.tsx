import type { ReactNode } from 'react';
import { Box, Typography, type BoxProps } from '@material-ui/core';
import type { LetterGrade } from '@shiftdown/backstage-plugin-shiftdown-common';
import { GradeBadge } from './GradeBadge.js';

/**
 * The big grade badge and `58 / 100` next to it, with `children` (a few short lines) under the score: the
 * head of the Security tab's summary and of the card. `compact` (the card) sets the score a size smaller.
 */
export function ScoreHeadline(
  props: { grade: LetterGrade; score: number; compact?: boolean; children?: ReactNode } & Pick<
    BoxProps,
    'mb' | 'mr'
  >,
) {
  const { grade, score, compact = false, children, ...margins } = props;
  return (
    <Box display="flex" alignItems="center" style={{ gap: compact ? 16 : 24 }} {...margins}>
      <GradeBadge grade={grade} size="large" />
      <Box>
        <Typography variant={compact ? 'h5' : 'h4'} component="p" data-testid="shiftdown-score">
          {score} / 100
        </Typography>
        {children}
      </Box>
    </Box>
  );
}
