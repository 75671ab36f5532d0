import type { Rule } from '../rule.js';

/** The supply-chain rules, in documentation order. */
export const SUPPLY_CHAIN_RULES: readonly Rule[] = [];
