import { scan, type SchemaIssue, type SchemaValidator } from '@shiftdown/policy-core';
import { skippingKinds, withFallbackForMissing } from '../src/compose.js';

function scripted(
  name: string,
  byKind: Record<string, readonly SchemaIssue[]>,
): SchemaValidator & { seen: string[] } {
  const seen: string[] = [];
  return {
    name,
    seen,
    validate(resource) {
      seen.push(resource.kind);
      return byKind[resource.kind] ?? [];
    },
  };
}

const TEXT = [
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n',
  'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: sealed\n',
  'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n',
].join('---\n');

function schemaFindings(validator: SchemaValidator): string[] {
  return scan({ files: [{ path: 'm.yaml', text: TEXT }], schemaValidator: validator, today: '2026-01-01' })
    .findings.filter((f) => f.ruleId.startsWith('schema-'))
    .map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`);
}

const missing = (what: string): SchemaIssue => ({
  type: 'missing',
  path: ['kind'],
  message: `no schema for ${what}`,
});

describe('skippingKinds', () => {
  it('skips by Kind and by group/version/Kind, and validates the rest', () => {
    const inner = scripted('inner', {
      Secret: [missing('Secret')],
      SealedSecret: [missing('SealedSecret')],
      Widget: [missing('Widget')],
    });
    expect(schemaFindings(skippingKinds(inner, ['Secret', 'bitnami.com/v1alpha1/SealedSecret']))).toEqual([
      'schema-missing 12:1 no schema for Widget',
    ]);
    expect(inner.seen).toEqual(['Widget']);
  });

  it('is the validator itself when nothing is skipped', () => {
    const inner = scripted('inner', {});
    expect(skippingKinds(inner, [])).toBe(inner);
  });
});

describe('withFallbackForMissing', () => {
  it("keeps the primary's verdicts and asks the fallback only where the primary has no schema", () => {
    const primary = scripted('kubeconform v0.6.7', {
      Secret: [{ type: 'invalid', path: ['data'], message: 'data: wrong type.' }],
      SealedSecret: [missing('SealedSecret (kubeconform)')],
      Widget: [missing('Widget (kubeconform)')],
    });
    const fallback = scripted('embedded (Kubernetes v1.36)', {
      SealedSecret: [missing('SealedSecret (embedded)')],
      Widget: [{ type: 'invalid', path: ['spec', 'size'], message: 'spec.size: expected integer.' }],
    });
    const combined = withFallbackForMissing(primary, fallback);
    expect(combined.name).toBe(
      'kubeconform v0.6.7; embedded (Kubernetes v1.36) where kubeconform has no schema',
    );
    expect(schemaFindings(combined)).toEqual([
      'schema-invalid 2:1 data: wrong type.',
      'schema-missing 7:1 no schema for SealedSecret (kubeconform)',
      'schema-invalid 16:3 spec.size: expected integer.',
    ]);
    expect(fallback.seen).toEqual(['SealedSecret', 'Widget']);
  });
});
