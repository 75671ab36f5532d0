/** Query parameters of the REST API, with the 400s that name them. */
import { InputError } from '@backstage/errors';

/** A query parameter given at most once (blank counts as not given). */
export function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InputError(`give ${name} once, as text`);
  return value.trim() === '' ? undefined : value.trim();
}

/** A whole-number query parameter from `min` to `max` (`fallback` when not given), else a 400. */
export function integer(
  text: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new InputError(`invalid ${name} "${text}": give a whole number from ${min} to ${max}`);
  }
  return Number(text);
}
