import type { Rule } from '../rule.js';

/** The control-plane rules, in documentation order. */
export const CONTROL_PLANE_RULES: readonly Rule[] = [];
