import { ObjectStore, type Evictable } from '../../src/model/object-store.js';
import { packJson, unpackJson } from '../../src/model/packed-json.js';
import { exactJson } from '../../src/model/exact-json.js';

describe('packJson', () => {
  test.each([
    ['{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","labels":{"app":"a"}}}'],
    ['{"kind":"\\"kind\\":","spec":{"\\u0001":"\\u001f","x\\"name\\":":["\\"containers\\":"]}}'],
    ['{"app.kubernetes.io/name":"x","persistentVolumeClaim":{"claimName":"c"},"é":"ü 🚀 \\ud800"}'],
    ['[]'],
  ])('unpacks exactly what it packed: %s', (json) => {
    expect(unpackJson(packJson(json))).toBe(json);
  });

  test('writes known keys in one or two characters', () => {
    const json = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } });
    expect(packJson(json)).toBe('{\u0001"apps/v1",\u0005"Deployment",\u0002{\u0006"web"}}');
    // Keys past the 30th take two characters: U+001F and a printable one.
    const packed = packJson('{"limits":{}}');
    expect([packed.length, packed.charCodeAt(1), packed.slice(3)]).toEqual([6, 0x1f, '{}}']);
    expect(packJson('{"notAKnownKey":1}')).toBe('{"notAKnownKey":1}');
  });
});

function holey(): unknown[] {
  const array = [1, 2, 3];
  delete array[1];
  return array;
}

describe('exactJson', () => {
  test('is the JSON text of plain data', () => {
    const value = { a: [1, 'two', true, null, { b: 2.5 }], '': { '0': 'zero' } };
    expect(exactJson(value)).toBe(JSON.stringify(value));
  });

  test.each([
    ['NaN', { a: Number.NaN }],
    ['Infinity', { a: [Infinity] }],
    ['-0', { a: -0 }],
    ['a Date', { a: new Date(0) }],
    ['a Map', { a: new Map() }],
    ['a Set', { a: new Set([1]) }],
    ['bytes', { a: new Uint8Array(2) }],
    ['undefined', { a: undefined }],
    ['a hole', { a: holey() }],
    ['a null-prototype object', { a: Object.create(null) as object }],
  ])('is undefined when the value holds %s', (_, value) => {
    expect(exactJson(value as Record<string, unknown>)).toBeUndefined();
  });

  test('is undefined for a cycle or a value nested too deep to walk', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(exactJson(cyclic)).toBeUndefined();
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 200_000; i++) deep = (deep.next = {}) as Record<string, unknown>;
    expect(exactJson(root)).toBeUndefined();
  });
});

class Probe implements Evictable {
  evictions = 0;
  constructor(readonly name: string) {}
  evict(): void {
    this.evictions++;
  }
}

describe('ObjectStore', () => {
  test('gives back the JSON text it stored, across chunks and for text larger than a chunk', () => {
    const store = new ObjectStore();
    const big = JSON.stringify({ data: { blob: 'x'.repeat(40 * 1024 * 1024) } });
    const texts = ['{"kind":"Pod","é":"ü🚀"}', big, '{"apiVersion":"v1"}', '[]'];
    const handles = texts.map((text) => store.put(text));
    expect(handles).toEqual([0, 1, 2, 3]);
    handles.forEach((handle, i) => expect(store.text(handle)).toBe(texts[i]));
    store.dispose();
  });

  test('evicts the oldest decoded resource, never the pinned one', () => {
    const store = new ObjectStore(2);
    store.put('{}');
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => new Probe(name));
    store.admit(a!);
    store.admit(b!);
    expect([a!.evictions, b!.evictions]).toEqual([0, 0]);
    store.pinned = a;
    store.admit(c!); // a is the oldest, but pinned: b goes
    expect([a!.evictions, b!.evictions]).toEqual([0, 1]);
    store.pinned = undefined;
    store.admit(d!);
    expect(a!.evictions + c!.evictions).toBe(1);
  });

  test('keeps more resources decoded when rules read far more objects than it holds', () => {
    const store = new ObjectStore(2);
    store.put('{}');
    const probes = Array.from({ length: 40 }, (_, i) => new Probe(String(i)));
    for (const probe of probes.slice(0, 12)) store.admit(probe);
    // Past 8 decodes per stored object plus the resident set, the set doubles: fewer evictions.
    // Without growing, 12 decodes into 2 places would evict 10 of them.
    expect(probes.slice(0, 12).filter((p) => p.evictions > 0).length).toBe(8);
  });
});
