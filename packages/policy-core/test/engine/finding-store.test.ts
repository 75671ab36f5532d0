import { FindingStore } from '../../src/engine/finding-store.js';
import { buildFinding, fingerprint, type FindingParts } from '../../src/engine/evaluate.js';
import { MessageTemplates } from '../../src/engine/message-templates.js';
import type { Finding, ResourceRef, RuleMeta } from '../../src/types.js';

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
  { kind: 'Pod', apiVersion: 'v1' },
];
const resources = Array.from({ length: 60_000 }, (_, id) => ({
  file: id % 2 === 0 ? 'a.yaml' : 'b.yaml',
  ref: refs[id % 3]!,
}));

/** Messages as rules write them: most name the resource (kept as templates), some do not. */
function message(i: number, ref: ResourceRef): string {
  const name = ref.name ?? '(unnamed)';
  switch (i % 4) {
    case 0:
      return `The pods of ${ref.kind} "${name}" can reach the metadata service.`;
    case 1:
      return `${name}: container ${i % 3} sets ${name} twice (${name}).`;
    case 2:
      return `${ref.kind} "${name}" has no limit ${i}.`;
    default:
      return `message ${i}`;
  }
}

/** Every finding of the store with the id of its resource, in order. */
function decoded(store: FindingStore): { finding: Finding; resourceId: number; index: number }[] {
  const out: { finding: Finding; resourceId: number; index: number }[] = [];
  store.forEach(
    (id) => resources[id]!,
    (finding, resourceId, index) => out.push({ finding, resourceId, index }),
  );
  return out;
}

function parts(i: number): { parts: FindingParts; resourceId: number } {
  // Resource ids jump both ways; lines reach the millions; an end can even come before its start.
  const resourceId = (i * 7919) % 60_000;
  const variant = i % 5;
  const p: FindingParts = {
    meta: variant < 2 ? pssRule : plainRule,
    severity: (['critical', 'high', 'medium', 'low', 'info'] as const)[i % 5]!,
    message: message(i, resources[resourceId]!.ref),
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
    const found = decoded(store);
    expect(found).toHaveLength(count);
    for (let i = 0; i < count; i++) {
      const { parts: p, resourceId } = parts(i);
      const expected = buildFinding(p);
      expect(JSON.stringify(found[i]!.finding)).toBe(JSON.stringify(expected));
      expect(Object.keys(found[i]!.finding)).toEqual(Object.keys(expected));
      expect(found[i]!.resourceId).toBe(resourceId);
      expect(found[i]!.index).toBe(i);
    }
    // The messages that name their resource went through templates and came back with the right name.
    expect(found[0]!.finding.message).toBe('The pods of Deployment "web" can reach the metadata service.');
    expect(found[1]!.finding.message).toBe('(unnamed): container 1 sets (unnamed) twice ((unnamed)).');
    expect(found[2]!.finding.message).toBe('ConfigMap "settings" has no limit 2.');
    expect(found[5]!.finding.message).toBe('settings: container 2 sets settings twice (settings).');
    store.dispose();
  });

  test('findings of one rule share one pss value', () => {
    const store = new FindingStore();
    store.add(parts(0).parts, 0);
    store.add(parts(5).parts, 0);
    const [a, b] = decoded(store).map(({ finding }) => finding);
    expect(a!.pss).toEqual({ level: 'restricted', check: 'runAsNonRoot' });
    expect(a!.pss).toBe(b!.pss);
  });
});

describe('MessageTemplates', () => {
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
});
