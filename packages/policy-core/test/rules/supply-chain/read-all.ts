/**
 * Guard against vacuous cases: a document the parser skips (e.g. one that looks like an unrendered Helm
 * template) yields no findings, so a "passes …" case would pass without the rule ever seeing it.
 */
import type { Rule } from '../../../src/rules/rule.js';
import { runRules, type RuleCase } from '../harness.js';

/** Objects a case's YAML declares: every `kind:` line except `kind: List`. */
function declaredObjects(text: string): number {
  return text.split('\n').filter((line) => /^\s*(- )?kind: (?!List\s*$)\S+\s*$/.test(line)).length;
}

/** One test asserting that every object of every case reached the rule. */
export function expectEveryDocumentRead(rule: Rule, cases: readonly RuleCase[]): void {
  it('reads every object of every case (no document skipped)', () => {
    for (const c of cases) {
      const result = runRules([rule], c.yaml, c.settings ? { settings: c.settings } : {});
      expect({ name: c.name, objects: result.resources.length }).toEqual({
        name: c.name,
        objects: declaredObjects(c.yaml),
      });
    }
  });
}
