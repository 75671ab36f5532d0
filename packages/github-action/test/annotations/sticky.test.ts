import {
  COMMENT_LIMIT,
  isStickyComment,
  STICKY_TRUNCATED_NOTE,
  stickyComment,
} from '../../src/annotations/index.js';

describe('stickyComment', () => {
  it('puts the marker first', () => {
    expect(stickyComment('## Shiftdown\n\nScore 90')).toBe(
      '<!-- shiftdown:summary -->\n## Shiftdown\n\nScore 90',
    );
  });

  it('keeps a body of exactly 65,536 characters and truncates one character more', () => {
    const room = COMMENT_LIMIT - '<!-- shiftdown:summary -->\n'.length;
    const exact = stickyComment('a'.repeat(room));
    expect(exact).toHaveLength(COMMENT_LIMIT);
    expect(exact).not.toContain('truncated');
    const over = stickyComment(`${'line\n'.repeat(room / 5)}tail${'x'.repeat(10)}`);
    expect(over.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(over.startsWith('<!-- shiftdown:summary -->\nline\n')).toBe(true);
    expect(over.endsWith(`line\n\n${STICKY_TRUNCATED_NOTE}`)).toBe(true);
  });
});

describe('isStickyComment', () => {
  it.each([
    ['<!-- shiftdown:summary -->\nbody', true],
    ['\n<!-- shiftdown:summary -->', true],
    ['quoted: <!-- shiftdown:summary -->', false],
    ['<!-- shiftdown:fingerprint=x -->', false],
    ['', false],
  ])('%j → %s', (body, expected) => {
    expect(isStickyComment(body)).toBe(expected);
  });
});
