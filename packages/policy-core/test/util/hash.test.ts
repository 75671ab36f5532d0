import fc from 'fast-check';
import { fnv1a64, hex64 } from '../../src/util/hash.js';

/** The textbook definition, on BigInts: the fast version must give the same digits (fingerprints are stable). */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('published FNV-1a 64 test vector %j', (text, digits) => {
    expect(fnv1a64(text)).toBe(digits);
  });

  it('equals the BigInt definition on any string, including non-ASCII code units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => fnv1a64(text) === reference(text)),
      {
        numRuns: 2000,
      },
    );
  });
});

describe('hex64', () => {
  it.each([
    [0, 0, '0000000000000000'],
    [0xdeadbeef, 1, 'deadbeef00000001'],
    [0x0badf00d, 0xffffffff, '0badf00dffffffff'],
    [-1, -2, 'fffffffffffffffe'],
  ])('writes %d and %d as %s', (high, low, digits) => {
    expect(hex64(high, low)).toBe(digits);
  });
});
