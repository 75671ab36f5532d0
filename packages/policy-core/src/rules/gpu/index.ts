import type { Rule } from '../rule.js';

/** The gpu rules, in documentation order. */
export const GPU_RULES: readonly Rule[] = [];
