import type { Rule } from '../rule.js';

/** The reliability rules, in documentation order. */
export const RELIABILITY_RULES: readonly Rule[] = [];
