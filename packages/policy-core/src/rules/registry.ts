import type { ProfileName, RuleMeta, Severity } from '../types.js';
import type { RuleSetting } from '../config/types.js';
import type { Rule } from './rule.js';
import { PSS_RULES } from './pss/index.js';
import { BUILTIN_RULES } from './builtin.js';
import admissionPolicyViolation from '../custom/admission-policies.js';
import { HARDENING_RULES } from './hardening/index.js';
import { SUPPLY_CHAIN_RULES } from './supply-chain/index.js';
import { IDENTITY_RULES } from './identity/index.js';
import { RBAC_RULES } from './rbac/index.js';
import { NETWORK_RULES } from './network/index.js';
import { GPU_RULES } from './gpu/index.js';
import { AI_RULES } from './ai/index.js';
import { CONTROL_PLANE_RULES } from './control-plane/index.js';
import { PLATFORM_RULES } from './platform/index.js';
import { RELIABILITY_RULES } from './reliability/index.js';
import { VALIDITY_RULES } from './validity/index.js';

/** Every rule that ships with Shiftdown, in documentation order. */
export const ALL_RULES: readonly Rule[] = [
  ...PSS_RULES,
  ...HARDENING_RULES,
  ...SUPPLY_CHAIN_RULES,
  ...IDENTITY_RULES,
  ...RBAC_RULES,
  ...NETWORK_RULES,
  ...GPU_RULES,
  ...AI_RULES,
  ...CONTROL_PLANE_RULES,
  ...PLATFORM_RULES,
  ...RELIABILITY_RULES,
  ...VALIDITY_RULES,
  admissionPolicyViolation,
];

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
  const superseded = new Set(selected.flatMap(({ rule }) => rule.meta.supersedes ?? []));
  return selected.filter(({ rule }) => !superseded.has(rule.meta.id) || overrides[rule.meta.id] !== undefined);
}

/** Metadata of every rule id the engine knows, built-in input rules included. */
export function ruleCatalog(rules: readonly Rule[] = ALL_RULES): Map<string, RuleMeta> {
  const catalog = new Map<string, RuleMeta>();
  for (const meta of BUILTIN_RULES) catalog.set(meta.id, meta);
  for (const rule of rules) catalog.set(rule.meta.id, rule.meta);
  return catalog;
}
