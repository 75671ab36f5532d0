import type { Rule } from '../rule.js';

/** The network rules, in documentation order. */
export const NETWORK_RULES: readonly Rule[] = [];
