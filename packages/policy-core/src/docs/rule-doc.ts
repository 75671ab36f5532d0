import type { RuleMeta } from '../types.js';
import { CATEGORY_TITLES } from '../types.js';
import { profilesOf } from '../rules/registry.js';

/**
 * The documentation page of one rule, generated from its metadata: `docs/rules/<id>.md` and
 * `shiftdown explain <id>` print exactly this text.
 */
export function renderRuleDoc(meta: RuleMeta): string {
  const lines: string[] = [];
  lines.push(`# ${meta.id}`, '', `**${meta.title}**`, '');
  lines.push(`| | |`, `|---|---|`);
  lines.push(`| Severity | ${meta.severity} |`);
  lines.push(`| Category | ${CATEGORY_TITLES[meta.category]} |`);
  if (meta.pss) {
    lines.push(`| Pod Security Standards | ${meta.pss.level}, check \`${meta.pss.check}\`, since ${meta.pss.since} |`);
  }
  lines.push(`| Profiles | ${profilesOf(meta).join(', ')} |`);
  if (meta.fixable) lines.push('| Autofix | yes (suggested in pull requests) |');
  lines.push('', '## What it checks', '', meta.description, '');
  lines.push('## Why it matters', '', meta.rationale, '');
  lines.push('## How to fix it', '', meta.remediation, '');
  lines.push('## Suppressing it', '');
  lines.push('With a reason, on the object or its pod template (or for one container, add `.<container-name>`):', '');
  lines.push('```yaml', 'metadata:', '  annotations:', `    ignore.shiftdown.dev/${meta.id}: "<why this is acceptable>"`, '```', '');
  if (meta.sources.length > 0) {
    lines.push('## Sources', '');
    for (const source of meta.sources) lines.push(`- [${source.title}](${source.url})`);
    lines.push('');
  }
  return lines.join('\n');
}

/** `docs/rules/README.md`: every rule, grouped by category, with severity and PSS mapping. */
export function renderRuleIndex(metas: readonly RuleMeta[]): string {
  const lines = ['# Rules', '', 'Generated from rule metadata (`pnpm gen-docs`); do not edit by hand.', ''];
  const categories = [...new Set(metas.map((m) => m.category))];
  for (const category of categories) {
    lines.push(`## ${CATEGORY_TITLES[category]}`, '', '| rule | severity | Pod Security Standards | title |', '|---|---|---|---|');
    for (const meta of metas.filter((m) => m.category === category)) {
      const pss = meta.pss ? `${meta.pss.level} \`${meta.pss.check}\` (${meta.pss.since})` : '—';
      lines.push(`| [${meta.id}](${meta.id}.md) | ${meta.severity} | ${pss} | ${meta.title} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
