import type { Commentable } from '../../src/annotations/index.js';
import { anyCommentable, planReviewComments, suggestionBlock } from '../../src/annotations/index.js';
import { finding } from './helpers.js';

const rules = [{ id: 'privileged', title: 'Privileged container', helpUri: 'https://docs/rules/privileged' }];
const docsBase = 'https://shiftdown.dev/rules/';
/** Lines 1–20 of deploy/app.yaml are in a hunk. */
const hunk: Commentable = (path, line, endLine) => {
  if (path !== 'deploy/app.yaml' || line > 20) return undefined;
  const last = Math.min(endLine, 20);
  return last > line ? { line: last, startLine: line } : { line };
};
const options = { commentable: hunk, existingBodies: [], rules, docsBase };
const fix = { description: 'Drop privileged', replacement: 'privileged: false\n' };

describe('planReviewComments', () => {
  it('writes a single-line comment with badge, title, message, suggestion, link and marker', () => {
    expect(planReviewComments([finding({ fix })], options)).toEqual({
      comments: [
        {
          path: 'deploy/app.yaml',
          line: 10,
          side: 'RIGHT',
          body: [
            '🟠 **High** · **Privileged container** (`privileged`)',
            'Container runs privileged',
            'Drop privileged:',
            '```suggestion\nprivileged: false\n```',
            '[How to fix](https://docs/rules/privileged)',
            '<!-- shiftdown:fingerprint=fp-1 -->',
          ].join('\n\n'),
        },
      ],
      skippedExisting: 0,
      notCommentable: 0,
    });
  });

  it('comments a fully commentable range with start_line and a suggestion', () => {
    const [comment] = planReviewComments([finding({ line: 12, endLine: 14, fix })], options).comments;
    expect(comment).toMatchObject({ line: 14, start_line: 12, side: 'RIGHT', start_side: 'RIGHT' });
    expect(comment?.body).toContain('```suggestion\n');
  });

  it('omits the suggestion when only part of the range is commentable', () => {
    const [comment] = planReviewComments([finding({ line: 18, endLine: 25, fix })], options).comments;
    expect(comment).toMatchObject({ line: 20, start_line: 18 });
    expect(comment?.body).not.toContain('suggestion');
    expect(comment?.body).not.toContain('Drop privileged');
  });

  it('omits the suggestion when commentable narrows a range to one line', () => {
    const narrow: Commentable = () => ({ line: 13 });
    const [comment] = planReviewComments([finding({ line: 12, endLine: 14, fix })], {
      ...options,
      commentable: narrow,
    }).comments;
    expect(comment).toEqual(expect.objectContaining({ line: 13 }));
    expect(comment).not.toHaveProperty('start_line');
    expect(comment?.body).not.toContain('suggestion');
  });

  it('falls back to the docs base and the rule id for unknown rules, without a fix', () => {
    const [comment] = planReviewComments(
      [finding({ ruleId: 'custom-x', severity: 'info' })],
      options,
    ).comments;
    expect(comment?.body).toBe(
      [
        '⚪ **Info** · `custom-x`',
        'Container runs privileged',
        '[How to fix](https://shiftdown.dev/rules/custom-x.md)',
        '<!-- shiftdown:fingerprint=fp-1 -->',
      ].join('\n\n'),
    );
  });

  it('skips findings already commented, repeated fingerprints, lines outside hunks and suppressed findings', () => {
    const plan = planReviewComments(
      [
        finding({ fingerprint: 'old' }),
        finding({ fingerprint: 'new', line: 3, endLine: 3 }),
        finding({ fingerprint: 'new', line: 3, endLine: 3 }),
        finding({ fingerprint: 'outside', line: 40, endLine: 40 }),
        finding({ fingerprint: 'other-file', file: 'x.yaml' }),
        finding({ fingerprint: 'muted', suppressed: { reason: 'r', source: 's' } }),
      ],
      { ...options, existingBodies: ['text\n\n<!-- shiftdown:fingerprint=old -->', 'fingerprint=new'] },
    );
    expect(plan.comments.map((c) => c.line)).toEqual([3]);
    expect(plan.skippedExisting).toBe(2);
    expect(plan.notCommentable).toBe(2);
  });

  it('orders comments worst first', () => {
    const plan = planReviewComments(
      [
        finding({ severity: 'low', line: 1, endLine: 1, fingerprint: 'a' }),
        finding({ severity: 'critical', line: 9, endLine: 9, fingerprint: 'b' }),
      ],
      options,
    );
    expect(plan.comments.map((c) => c.body.split(' · ')[0])).toEqual(['🔴 **Critical**', '🔵 **Low**']);
  });
});

describe('suggestionBlock', () => {
  it('drops one trailing newline and lengthens the fence past backticks in the content', () => {
    expect(suggestionBlock('a: 1\n')).toBe('```suggestion\na: 1\n```');
    expect(suggestionBlock('x: "````"')).toBe('`````suggestion\nx: "````"\n`````');
    expect(suggestionBlock('')).toBe('```suggestion\n\n```');
  });
});

describe('anyCommentable', () => {
  it('is true only for an unsuppressed finding with a line inside a hunk', () => {
    const outside = finding({ fingerprint: 'outside', line: 40, endLine: 40 });
    const muted = finding({ fingerprint: 'muted', suppressed: { reason: 'r', source: 's' } });
    expect(anyCommentable([outside, muted], hunk)).toBe(false);
    expect(anyCommentable([outside, muted, finding({ line: 18, endLine: 25 })], hunk)).toBe(true);
  });
});
