import { didYouMean, renderRuleDoc, ruleCatalog } from '@shiftdown/policy-core';
import { UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';

/** Run `shiftdown explain <rule-id>`: the rule's documentation page, exactly as docs/rules/<id>.md. */
export function runExplain(ruleId: string, io: CliIO): number {
  const catalog = ruleCatalog();
  const meta = catalog.get(ruleId) ?? catalog.get(ruleId.trim().toLowerCase());
  if (!meta) {
    const suggestion = didYouMean(ruleId, catalog.keys());
    throw new UsageError(
      suggestion
        ? `unknown rule "${ruleId}" — did you mean "${suggestion}"?`
        : `unknown rule "${ruleId}" (run "shiftdown rules" to list every rule)`,
    );
  }
  io.stdout.write(renderRuleDoc(meta));
  return 0;
}
