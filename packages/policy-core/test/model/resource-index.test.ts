import { parseFile } from '../../src/parse/parse-file.js';
import { buildResources, type Resource } from '../../src/model/resource.js';
import { ResourceIndex } from '../../src/model/resource-index.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../src/model/workload.js';
import { LabelSetIndex, SelectorMapIndex } from '../../src/model/selector-index.js';

function resources(text: string): Resource[] {
  let id = 0;
  return buildResources(parseFile({ path: 'r.yaml', text }), BUILTIN_WORKLOAD_KINDS, () => id++).resources;
}

const docs = (...specs: [string, string | undefined, string][]): string =>
  specs
    .map(([kind, namespace, name]) =>
      [
        'apiVersion: v1',
        `kind: ${kind}`,
        'metadata:',
        `  name: ${name}`,
        ...(namespace ? [`  namespace: ${namespace}`] : []),
      ].join('\n'),
    )
    .join('\n---\n');

describe('ResourceIndex', () => {
  test('finds by kind, namespace and name; the last of duplicates wins, also when added after a lookup', () => {
    const [a, b, c, d] = resources(
      docs(
        ['ServiceAccount', 'ns', 'x'],
        ['ServiceAccount', 'ns', 'x'],
        ['ServiceAccount', undefined, 'x'],
        ['ConfigMap', 'ns', 'x'],
      ),
    );
    const index = new ResourceIndex([a!]);
    expect(index.find('ServiceAccount', 'ns', 'x')).toBe(a);
    index.add(b!);
    index.add(c!);
    index.add(d!);
    expect(index.find('ServiceAccount', 'ns', 'x')).toBe(b);
    expect(index.find('ServiceAccount', undefined, 'x')).toBe(c);
    expect(index.find('ConfigMap', 'ns', 'x')).toBe(d);
    expect(index.find('ConfigMap', 'other', 'x')).toBeUndefined();
    expect(index.find('Secret', 'ns', 'x')).toBeUndefined();
    expect(index.inNamespace('ServiceAccount', 'ns')).toEqual([a, b]);
    expect(index.compatibleWith('ns', 'ServiceAccount')).toEqual([a, b, c]);
  });
});

describe('selector indexes', () => {
  test('SelectorMapIndex returns matching items in the order they were added', () => {
    const index = new SelectorMapIndex<string>();
    index.add('second-anchor', { tier: 'web', app: 'shop' });
    index.add('both', { app: 'shop', tier: 'web' });
    index.add('other', { app: 'other' });
    index.add('numeric', { port: 80 });
    index.add('empty', {});
    expect(index.matching({ app: 'shop', tier: 'web' })).toEqual(['second-anchor', 'both']);
    expect(index.matching({ app: 'shop' })).toEqual([]);
    expect(index.matching({ port: '80' })).toEqual(['numeric']);
  });

  test('LabelSetIndex answers whether any label set satisfies a selector', () => {
    const index = new LabelSetIndex();
    index.add({ app: 'shop', tier: 'web' });
    index.add({ app: 'shop', tier: 'db' });
    expect(index.anyMatches({ app: 'shop', tier: 'db' })).toBe(true);
    expect(index.anyMatches({ app: 'shop', tier: 'cache' })).toBe(false);
    expect(index.anyMatches({})).toBe(false);
    expect([...index.keys]).toEqual(['app', 'tier']);
  });
});
