import { Box, Typography } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { MAX_MATURITY_LEVEL, type Maturity } from '@shiftdown/backstage-plugin-shiftdown-common';

/** The maturity level (0 ad hoc … 5 hardened) and what is missing for the next one. */
export function MaturityCard(props: { maturity: Maturity }) {
  const { level, name, next = [] } = props.maturity;
  return (
    <InfoCard title="Maturity">
      <Typography variant="h5" component="p">
        Level {level} of {MAX_MATURITY_LEVEL}: {name}
      </Typography>
      <Box display="flex" my={1.5} style={{ gap: 4 }} aria-hidden>
        {Array.from({ length: MAX_MATURITY_LEVEL }, (_, index) => (
          <Box
            key={index}
            flex={1}
            height={8}
            borderRadius={4}
            style={{ backgroundColor: index < level ? '#2e7d32' : 'rgba(128, 128, 128, 0.25)' }}
          />
        ))}
      </Box>
      {level >= MAX_MATURITY_LEVEL ? (
        <Typography variant="body2">The highest level: keep it there.</Typography>
      ) : (
        next.length > 0 && (
          <>
            <Typography variant="subtitle2" component="h3">
              To reach level {level + 1}
            </Typography>
            <ul aria-label={`To reach level ${level + 1}`} style={{ marginTop: 4, paddingLeft: 20 }}>
              {next.map((step) => (
                <li key={step}>
                  <Typography variant="body2">{step}</Typography>
                </li>
              ))}
            </ul>
          </>
        )
      )}
    </InfoCard>
  );
}
