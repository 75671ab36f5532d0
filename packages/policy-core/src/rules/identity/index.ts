import type { Rule } from '../rule.js';

/** The identity rules, in documentation order. */
export const IDENTITY_RULES: readonly Rule[] = [];
