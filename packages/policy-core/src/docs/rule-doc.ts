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
/** Topics of the index page, by tag (a rule appears under every topic it is tagged with). */
export const RULE_TOPICS: readonly { tag: string; title: string }[] = [
  { tag: 'pod-security-standards', title: 'Pod Security Standards' },
  { tag: 'container-escape', title: 'Container escape and isolation' },
  { tag: 'user-namespaces', title: 'User namespaces and sandboxes' },
  { tag: 'rbac', title: 'RBAC least privilege' },
  { tag: 'network', title: 'Network segmentation' },
  { tag: 'imds', title: 'Cloud instance metadata (IMDS)' },
  { tag: 'gpu', title: 'GPU multitenancy' },
  { tag: 'workload-identity', title: 'Workload identity' },
  { tag: 'secrets', title: 'Secrets' },
  { tag: 'supply-chain', title: 'Supply chain and images' },
  { tag: 'ai-agents', title: 'AI agents and MCP servers' },
  { tag: 'api-server', title: 'API server protection' },
  { tag: 'api-priority', title: 'API Priority and Fairness' },
  { tag: 'platform', title: 'Platform abstractions: Score and Kro' },
  { tag: 'reliability', title: 'Reliability' },
  { tag: 'admission-policy', title: 'Admission policies in the scan' },
  { tag: 'schema', title: 'Schema validation' },
  { tag: 'deprecated-api', title: 'Removed and deprecated API versions' },
];

export function renderRuleIndex(metas: readonly RuleMeta[]): string {
  const lines = ['# Rules', '', 'Generated from rule metadata (`pnpm gen-docs`); do not edit by hand.', ''];
  lines.push(`${metas.length} rules. Custom rules in CEL: see [custom-rules.md](../custom-rules.md).`, '');
  lines.push('## By topic', '');
  for (const { tag, title } of RULE_TOPICS) {
    const tagged = metas.filter((m) => m.tags?.includes(tag));
    if (tagged.length === 0) continue;
    lines.push(`### ${title}`, '');
    for (const meta of tagged) lines.push(`- [${meta.id}](${meta.id}.md) — ${meta.title} (${meta.severity})`);
    lines.push('');
  }
  lines.push('## By scorecard category', '');
  const categories = [...new Set(metas.map((m) => m.category))];
  for (const category of categories) {
    lines.push(`### ${CATEGORY_TITLES[category]}`, '', '| rule | severity | Pod Security Standards | title |', '|---|---|---|---|');
    for (const meta of metas.filter((m) => m.category === category)) {
      const pss = meta.pss ? `${meta.pss.level} \`${meta.pss.check}\` (${meta.pss.since})` : '—';
      lines.push(`| [${meta.id}](${meta.id}.md) | ${meta.severity} | ${pss} | ${meta.title} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
