import type { ProfileName, RuleMeta, Severity } from '../types.js';
import type { RuleSetting } from '../config/types.js';
import type { Rule } from './rule.js';
import { PSS_RULES } from './pss/index.js';
import { BUILTIN_RULES } from './builtin.js';

/** Every rule that ships with Shiftdown, in documentation order. */
export const ALL_RULES: readonly Rule[] = [...PSS_RULES];

export const PROFILES: readonly ProfileName[] = ['pss-baseline', 'pss-restricted', 'recommended', 'strict'];

export const PROFILE_DESCRIPTIONS: Readonly<Record<ProfileName, string>> = {
  'pss-baseline': 'Pod Security Standards baseline only, exactly as Pod Security admission enforces it',
  'pss-restricted': 'Pod Security Standards baseline and restricted, exactly as Pod Security admission enforces them',
  recommended: 'Every rule recommended for production workloads (the default)',
  strict: 'Every rule, including opinionated and informational ones',
};

function inProfile(meta: RuleMeta, profile: ProfileName): boolean {
  switch (profile) {
    case 'pss-baseline':
      return meta.pss?.level === 'baseline';
    case 'pss-restricted':
      return meta.pss !== undefined;
    case 'recommended':
      return meta.recommended !== false;
    case 'strict':
      return true;
  }
}

/** The profiles that enable a rule by default. */
export function profilesOf(meta: RuleMeta): ProfileName[] {
  return PROFILES.filter((profile) => inProfile(meta, profile));
}

/** A rule's severity under the config's overrides, or undefined when the config turns it off. */
export function configuredSeverity(
  meta: RuleMeta,
  overrides: Readonly<Record<string, RuleSetting>> = {},
): Severity | undefined {
  const setting = overrides[meta.id];
  return setting === 'off' ? undefined : (setting ?? meta.severity);
}

/**
 * The rules a scan runs: the profile's rules, then the config's overrides (`off` disables a rule;
 * a severity enables it at that severity, even outside the profile).
 */
export function selectRules(
  rules: readonly Rule[],
  profile: ProfileName,
  overrides: Readonly<Record<string, RuleSetting>> = {},
): { rule: Rule; severity: Severity }[] {
  const selected: { rule: Rule; severity: Severity }[] = [];
  for (const rule of rules) {
    const severity = configuredSeverity(rule.meta, overrides);
    // Named in the config with a severity: enabled even outside the profile.
    if (severity && (overrides[rule.meta.id] !== undefined || inProfile(rule.meta, profile))) {
      selected.push({ rule, severity });
    }
  }
  return selected;
}

/** Metadata of every rule id the engine knows, built-in input rules included. */
export function ruleCatalog(rules: readonly Rule[] = ALL_RULES): Map<string, RuleMeta> {
  const catalog = new Map<string, RuleMeta>();
  for (const meta of BUILTIN_RULES) catalog.set(meta.id, meta);
  for (const rule of rules) catalog.set(rule.meta.id, rule.meta);
  return catalog;
}
