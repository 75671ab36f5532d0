import type { Rule } from '../rule.js';

/** The platform rules, in documentation order. */
export const PLATFORM_RULES: readonly Rule[] = [];
