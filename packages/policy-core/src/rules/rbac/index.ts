import type { Rule } from '../rule.js';

/** The rbac rules, in documentation order. */
export const RBAC_RULES: readonly Rule[] = [];
