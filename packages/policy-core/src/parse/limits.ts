/** Limits that keep hostile input from exhausting memory or time. All can be raised by the caller. */
export interface ParseLimits {
  /** Largest file accepted, in characters. */
  maxFileChars: number;
  /** Largest number of alias dereferences per document (defeats "billion laughs"). */
  maxAliasCount: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileChars: 64 * 1024 * 1024,
  maxAliasCount: 1000,
};
