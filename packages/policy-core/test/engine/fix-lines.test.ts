import { placeReplacement } from '../../src/engine/fix-lines.js';
import { scan } from '../../src/engine/scan.js';

const FIX = {
  description: 'Set privileged to false',
  replacement: 'privileged: false',
  set: { path: ['x'], value: false },
};
const at = (line: string, column: number, endColumn: number) => ({
  line: 3,
  column,
  endLine: 3,
  endColumn,
  text: line,
});

describe('placeReplacement', () => {
  it.each([
    ['indentation is kept', '        privileged: true', 9, 25, '        privileged: false'],
    ['a list dash before the key is kept', '  - privileged: true', 5, 21, '  - privileged: false'],
    [
      'a trailing comment is kept',
      '    privileged: true  # needed?',
      5,
      21,
      '    privileged: false # needed?',
    ],
  ])('%s', (_name, line, column, endColumn, expected) => {
    const range = at(line, column, endColumn);
    expect(placeReplacement(FIX, range.text, range)).toEqual({ ...FIX, replacement: expected });
  });

  it('continuation lines are indented under the first', () => {
    const fix = { description: 'd', replacement: 'securityContext:\n  privileged: false\n' };
    expect(
      placeReplacement(fix, '  - securityContext: x', { line: 1, column: 5, endLine: 1, endColumn: 23 })
        .replacement,
    ).toBe('  - securityContext:\n      privileged: false');
  });

  it.each([
    [
      'flow style: the rest of the line would be lost',
      '    securityContext: {privileged: true, runAsUser: 0}',
      23,
      39,
    ],
  ])('no replacement when %s', (_name, line, column, endColumn) => {
    const range = at(line, column, endColumn);
    expect(placeReplacement(FIX, range.text, range)).toEqual({ description: FIX.description, set: FIX.set });
  });

  it('no replacement for a multi-line finding or an unknown line', () => {
    expect(placeReplacement(FIX, 'x', { line: 1, column: 1, endLine: 2, endColumn: 1 })).not.toHaveProperty(
      'replacement',
    );
    expect(
      placeReplacement(FIX, undefined, { line: 1, column: 1, endLine: 1, endColumn: 2 }),
    ).not.toHaveProperty('replacement');
  });
});

describe('fixes in findings', () => {
  it('carry the replacement as the whole line it replaces', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    const finding = scan({ files: [{ path: 'p.yaml', text }], today: '2026-01-01' }).findings.find(
      (f) => f.ruleId === 'privileged-container',
    );
    expect(finding?.fix?.replacement).toBe('        privileged: false');
  });
});
