import type { Rule } from '../rule.js';

/** The hardening rules, in documentation order. */
export const HARDENING_RULES: readonly Rule[] = [];
