import { ALL_RULES, ruleCatalog, selectRules } from '@shiftdown/policy-core';
import type { ProfileName, RuleMeta } from '@shiftdown/policy-core';
import type { CliIO } from '../io.js';

export interface RulesFlags {
  format: 'text' | 'json';
  profile?: ProfileName;
}

/**
 * The rules to list: every rule Shiftdown knows (policy rules in documentation order, then the input
 * rules such as `parse-error`), or with a profile only the policy rules that profile enables.
 */
export function listedRules(profile?: ProfileName): RuleMeta[] {
  if (profile !== undefined) return selectRules(ALL_RULES, profile).map(({ rule }) => rule.meta);
  const policy = ALL_RULES.map((rule) => rule.meta);
  const ids = new Set(policy.map((meta) => meta.id));
  const input = [...ruleCatalog().values()].filter((meta) => !ids.has(meta.id));
  return [...policy, ...input];
}

/** `baseline privileged since v1.0`, or `-` when the rule is not a Pod Security Standards check. */
function pssColumn(meta: RuleMeta): string {
  return meta.pss ? `${meta.pss.level} ${meta.pss.check} (since ${meta.pss.since})` : '-';
}

/** A plain table: id, severity, category, PSS mapping, title. */
export function formatRulesTable(rules: readonly RuleMeta[]): string {
  const header = ['RULE', 'SEVERITY', 'CATEGORY', 'PSS', 'TITLE'];
  const rows = rules.map((meta) => [meta.id, meta.severity, meta.category, pssColumn(meta), meta.title]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const count = `${rules.length} rule${rules.length === 1 ? '' : 's'}`;
  return [line(header), ...rows.map(line), '', count, ''].join('\n');
}

/** Run `shiftdown rules`. */
export function runRules(flags: RulesFlags, io: CliIO): number {
  const rules = listedRules(flags.profile);
  io.stdout.write(flags.format === 'json' ? `${JSON.stringify(rules, null, 2)}\n` : formatRulesTable(rules));
  return 0;
}
