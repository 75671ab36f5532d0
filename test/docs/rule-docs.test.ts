import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, BUILTIN_RULES, renderRuleDoc, renderRuleIndex } from '@shiftdown/policy-core';

// docs/rules is generated from rule metadata (`pnpm docs`): it must never drift from the code.
const docsDir = join(__dirname, '../../docs/rules');
const metas = [...ALL_RULES.map((rule) => rule.meta), ...BUILTIN_RULES];

describe('docs/rules', () => {
  it.each(metas.map((meta) => [meta.id, meta] as const))('%s.md matches its rule metadata', (id, meta) => {
    expect(readFileSync(join(docsDir, `${id}.md`), 'utf8')).toBe(renderRuleDoc(meta));
  });

  it('has an index listing every rule and no page without a rule', () => {
    expect(readFileSync(join(docsDir, 'README.md'), 'utf8')).toBe(renderRuleIndex(metas));
    const pages = readdirSync(docsDir).filter((name) => name !== 'README.md');
    expect(pages.sort()).toEqual(metas.map((m) => `${m.id}.md`).sort());
  });

  it('gives every rule a rationale, remediation and at least one source', () => {
    for (const meta of metas) {
      expect(meta.rationale.length).toBeGreaterThan(40);
      expect(meta.remediation.length).toBeGreaterThan(10);
      expect(meta.sources.length).toBeGreaterThan(0);
      for (const source of meta.sources) expect(source.url).toMatch(/^https:\/\//);
    }
  });
});
