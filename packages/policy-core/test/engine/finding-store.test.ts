import { FindingStore } from '../../src/engine/finding-store.js';
import { buildFinding, fingerprint, type FindingParts } from '../../src/engine/evaluate.js';
import { MessageTemplates, flatString } from '../../src/engine/finding-strings.js';
import { StringPool } from '../../src/model/string-pool.js';
import type { ResourceRef, RuleMeta } from '../../src/types.js';

const pssRule: RuleMeta = {
  id: 'run-as-non-root',
  title: 't',
  severity: 'medium',
  category: 'isolation',
  description: 'd',
  rationale: 'r',
  sources: [],
  remediation: 'm',
  pss: { level: 'restricted', check: 'runAsNonRoot', since: 'v1.0' },
};
const plainRule: RuleMeta = { ...pssRule, id: 'imds-reachable', category: 'network', pss: undefined };
delete (plainRule as { pss?: unknown }).pss;

const refs: ResourceRef[] = [
  { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'shop', name: 'web' },
  { kind: 'ConfigMap', apiVersion: 'v1', name: 'settings' },
];
const resources = Array.from({ length: 60_000 }, (_, id) => ({
  file: id % 2 === 0 ? 'a.yaml' : 'b.yaml',
  ref: refs[id % 2]!,
}));

function parts(i: number): { parts: FindingParts; resourceId: number } {
  // Resource ids jump both ways; lines reach the millions; an end can even come before its start.
  const resourceId = (i * 7919) % 60_000;
  const variant = i % 5;
  const p: FindingParts = {
    meta: variant < 2 ? pssRule : plainRule,
    severity: (['critical', 'high', 'medium', 'low', 'info'] as const)[i % 5]!,
    message: `message ${i}`,
    file: resources[resourceId]!.file,
    line: i * 150 + 1,
    column: (i % 80) + 1,
    endLine: i % 11 === 0 ? i * 150 : i * 150 + 1 + (i % 3),
    endColumn: 70000 + i,
    resource: resources[resourceId]!.ref,
    field: `spec.containers[${i % 3}].securityContext`,
    fingerprint: fingerprint(
      'rule',
      { file: 'a.yaml', kind: 'Pod', name: `p${i}` },
      undefined,
      'f',
      undefined,
    ),
    sharePss: true,
  };
  if (variant === 0 || variant === 3) p.container = i % 2 ? 'app' : '';
  if (variant === 1 || variant === 3) p.valueSource = (['container', 'pod', 'default'] as const)[i % 3];
  if (i % 7 === 0) p.fix = { description: 'set it', set: { path: ['spec'], value: i } };
  return { parts: p, resourceId };
}

describe('FindingStore', () => {
  test('gives back findings equal to buildFinding, key order included, across chunks', () => {
    const store = new FindingStore();
    const count = 20_000; // past the first chunk
    for (let i = 0; i < count; i++) {
      const { parts: p, resourceId } = parts(i);
      store.add(p, resourceId);
    }
    expect(store.length).toBe(count);
    const found = store.findings((id) => resources[id]!);
    const outcomes = [...store.outcomes()];
    expect(found).toHaveLength(count);
    for (let i = 0; i < count; i++) {
      const { parts: p, resourceId } = parts(i);
      const expected = buildFinding(p);
      expect(JSON.stringify(found[i])).toBe(JSON.stringify(expected));
      expect(Object.keys(found[i]!)).toEqual(Object.keys(expected));
      expect(outcomes[i]).toEqual({ resourceId, ruleId: p.meta.id, severity: p.severity });
    }
    store.dispose();
  });

  test('findings of one rule share one pss value', () => {
    const store = new FindingStore();
    store.add(parts(0).parts, 0);
    store.add(parts(5).parts, 0);
    const [a, b] = store.findings((id) => resources[id]!);
    expect(a!.pss).toEqual({ level: 'restricted', check: 'runAsNonRoot' });
    expect(a!.pss).toBe(b!.pss);
  });
});

describe('finding strings', () => {
  test('MessageTemplates give back each message, keeping one template per wording', () => {
    const templates = new MessageTemplates();
    const cases: [string, string | undefined][] = [
      ['The pods of Deployment "web" can reach the metadata service.', 'web'],
      ['web web and web again (web)', 'web'],
      ['No name here.', 'web'],
      ['Short name a.', 'a'],
      ['Nameless.', undefined],
      ['', 'web'],
      ['A NUL \u0000 and the name web.', 'web'],
      ['x\u0000y', undefined],
      ['xnamey', 'name'],
    ];
    const ids = cases.map(([message, name]) => templates.idOf(message, name));
    cases.forEach(([message, name], i) => expect(templates.message(ids[i]!, name)).toBe(message));
    expect(new Set(ids).size).toBe(cases.length);
    const other = templates.idOf('The pods of Deployment "api" can reach the metadata service.', 'api');
    expect(other).toBe(ids[0]);
    expect(templates.message(other, 'api')).toBe(
      'The pods of Deployment "api" can reach the metadata service.',
    );
  });

  test('StringPool keeps one copy of each string up to its capacity', () => {
    const pool = new StringPool(2);
    const a = pool.intern(['a', 'b'].join(''));
    expect(pool.intern(`a${'b'}`)).toBe(a);
    pool.intern('c');
    expect(pool.intern('d')).toBe('d'); // past capacity: passes through
  });

  test('flatString keeps the characters', () => {
    expect(flatString('0123456789abcdef')).toBe('0123456789abcdef');
    expect(flatString('x'.repeat(100))).toBe('x'.repeat(100));
  });
});
