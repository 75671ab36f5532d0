import { shouldUseColor } from '../src/color.js';

describe('shouldUseColor', () => {
  test('colour only on a TTY by default', () => {
    expect(shouldUseColor({ isTTY: true, env: {} })).toBe(true);
    expect(shouldUseColor({ isTTY: false, env: {} })).toBe(false);
    expect(shouldUseColor({ env: {} })).toBe(false);
  });

  test('NO_COLOR (non-empty) disables colour on a TTY; an empty NO_COLOR is ignored', () => {
    expect(shouldUseColor({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
  });

  test('FORCE_COLOR forces colour off a TTY, and wins over NO_COLOR; FORCE_COLOR=0 disables', () => {
    expect(shouldUseColor({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldUseColor({ isTTY: true, env: { FORCE_COLOR: 'false' } })).toBe(false);
    expect(shouldUseColor({ isTTY: false, env: { FORCE_COLOR: '' } })).toBe(false);
  });

  test('TERM=dumb disables colour', () => {
    expect(shouldUseColor({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
  });

  test('--color / --no-color win over everything', () => {
    expect(shouldUseColor({ flag: true, isTTY: false, env: { NO_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ flag: false, isTTY: true, env: { FORCE_COLOR: '1' } })).toBe(false);
  });
});
