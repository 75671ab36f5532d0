import { Fragment } from 'react';

/**
 * A path or URL that may wrap after each `/` (a `<wbr>`), so a long location breaks between directories
 * rather than inside a name; the text (and what a copy picks up) is unchanged.
 */
export function BreakablePath(props: { path: string }) {
  const parts = props.path.split('/');
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
