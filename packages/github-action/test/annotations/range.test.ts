import { annotationRange, lastLine, workflowCommand, checkAnnotation } from '../../src/annotations/index.js';
import { finding } from './helpers.js';

// The core's ranges end exclusively (SARIF); GitHub's annotations end inclusively.
describe('annotationRange', () => {
  it.each([
    [
      'one line: the end column is the last character',
      [10, 7, 10, 23],
      { startLine: 10, endLine: 10, startColumn: 7, endColumn: 22 },
    ],
    ['one character', [3, 5, 3, 6], { startLine: 3, endLine: 3, startColumn: 5, endColumn: 5 }],
    [
      'an empty range (a point) marks its column',
      [27, 10, 27, 10],
      { startLine: 27, endLine: 27, startColumn: 10, endColumn: 10 },
    ],
    ['several lines: no columns', [13, 7, 17, 8], { startLine: 13, endLine: 17 }],
    ['a block that ends at column 1 ends on the line before', [6, 3, 14, 1], { startLine: 6, endLine: 13 }],
    [
      'the rest of one line (ends at column 1 of the next): that line, no columns',
      [5, 3, 6, 1],
      { startLine: 5, endLine: 5 },
    ],
  ])('%s', (_label, [line, column, endLine, endColumn], expected) => {
    expect(
      annotationRange({ line: line!, column: column!, endLine: endLine!, endColumn: endColumn! }),
    ).toEqual(expected);
  });

  it('lastLine', () => {
    expect(lastLine({ line: 6, column: 3, endLine: 14, endColumn: 1 })).toBe(13);
    expect(lastLine({ line: 6, column: 3, endLine: 14, endColumn: 2 })).toBe(14);
    expect(lastLine({ line: 6, column: 1, endLine: 6, endColumn: 1 })).toBe(6);
  });

  it('the check annotation and the workflow command use it', () => {
    const block = finding({ line: 6, column: 3, endLine: 14, endColumn: 1 });
    expect(checkAnnotation(block, undefined)).toMatchObject({ start_line: 6, end_line: 13 });
    expect(checkAnnotation(block, undefined)).not.toHaveProperty('start_column');
    expect(workflowCommand(block, 'privileged')).toBe(
      '::error file=deploy/app.yaml,line=6,endLine=13,title=privileged::Container runs privileged',
    );
  });
});
