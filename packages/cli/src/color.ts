export interface ColorInputs {
  /** `--color` (true) / `--no-color` (false); undefined when neither was given. */
  flag?: boolean;
  /** Whether the report goes to a terminal (stdout is a TTY and no --output file). */
  isTTY?: boolean;
  env: Record<string, string | undefined>;
}

/**
 * Whether the text report is coloured. In order: an explicit flag; FORCE_COLOR (any non-empty value
 * except `0`/`false` forces colour, `0`/`false` disables it); NO_COLOR (non-empty disables, see
 * no-color.org); TERM=dumb disables; otherwise colour only on a TTY.
 */
export function shouldUseColor({ flag, isTTY, env }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}
