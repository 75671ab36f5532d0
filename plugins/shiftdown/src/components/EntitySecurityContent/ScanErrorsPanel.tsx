import { WarningPanel } from '@backstage/core-components';
import type { ScanError } from '@shiftdown/backstage-plugin-shiftdown-common';
import { BreakablePath } from '../BreakablePath.js';

/** Files the scan could not read or parse: the score does not cover them. */
export function ScanErrorsPanel(props: { errors: ScanError[] }) {
  const { errors } = props;
  const title =
    errors.length === 1
      ? '1 problem while scanning the manifests'
      : `${errors.length} problems while scanning the manifests`;
  return (
    <WarningPanel severity="error" title={title} defaultExpanded>
      <ul aria-label="Scan errors" style={{ margin: 0, paddingLeft: 20 }}>
        {errors.map((error, index) => (
          <li key={`${error.file}:${error.line}:${error.column}:${index}`}>
            <code>
              <BreakablePath path={`${error.file}:${error.line}:${error.column}`} />
            </code>{' '}
            {error.message}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
