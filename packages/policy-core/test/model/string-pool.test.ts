import { StringPool } from '../../src/model/string-pool.js';

describe('StringPool', () => {
  test('keeps one copy of each distinct string, up to its capacity', () => {
    const pool = new StringPool(2);
    expect(pool.intern(['a', 'b'].join(''))).toBe('ab');
    expect(pool.intern(`a${'b'}`)).toBe('ab');
    expect(pool.size).toBe(1);
    pool.intern('c');
    expect(pool.size).toBe(2);
    // Past capacity: new strings pass through and are not kept.
    expect(pool.intern('d')).toBe('d');
    expect(pool.size).toBe(2);
  });
});
