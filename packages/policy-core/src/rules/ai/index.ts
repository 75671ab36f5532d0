import type { Rule } from '../rule.js';

/** The ai rules, in documentation order. */
export const AI_RULES: readonly Rule[] = [];
