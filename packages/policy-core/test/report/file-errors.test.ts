import { mergeFileSummaries, withFileErrors } from '../../src/report/file-errors.js';
import { buildReport } from './fixture.js';

describe('withFileErrors', () => {
  it('lists each error under its file, in path order, merged with a file the report has, counts updated', () => {
    const report = buildReport();
    const out = withFileErrors(report, [
      { file: 'manifests/unreadable.yaml', message: 'EACCES: permission denied', line: 1, column: 1 },
      { file: 'manifests/broken.yaml', message: 'unknown tag !vault', line: 2, column: 7 },
      // Reported twice (a skeleton rendered by two steps): kept once.
      { file: 'manifests/broken.yaml', message: 'unknown tag !vault', line: 2, column: 7 },
    ]);
    expect(out.files.map((f) => [f.path, f.errors.map((e) => `${e.line}:${e.column} ${e.message}`)])).toEqual(
      [
        ['charts/web/templates/deployment.yaml', []],
        ['manifests/api/deployment.yaml', []],
        ['manifests/broken.yaml', ['2:7 unknown tag !vault', '4:3 unexpected end of flow sequence']],
        ['manifests/config.yaml', []],
        ['manifests/rbac.yaml', []],
        ['manifests/unreadable.yaml', ['1:1 EACCES: permission denied']],
        ['manifests/worker.yaml', []],
      ],
    );
    expect([out.summary.files, out.summary.errors]).toEqual([7, 3]);
    // The rest of the report is the same, and the report given is not changed.
    expect({ ...out, files: report.files, summary: report.summary }).toEqual(report);
    expect(report.files).toHaveLength(6);
    expect(report.files.find((f) => f.path === 'manifests/broken.yaml')!.errors).toHaveLength(1);
  });

  it('returns the report itself without errors', () => {
    const report = buildReport();
    expect(withFileErrors(report, [])).toBe(report);
  });
});

describe('mergeFileSummaries', () => {
  it('adds up documents and keeps each skipped document once, in line order', () => {
    const skipped = (line: number) => ({ line, reason: 'Helm template' });
    expect(
      mergeFileSummaries([
        { path: 'b.yaml', documents: 2, errors: [], skipped: [skipped(9)] },
        { path: 'a.yaml', documents: 1, errors: [], skipped: [] },
        { path: 'b.yaml', documents: 1, errors: [], skipped: [skipped(3), skipped(9)] },
      ]),
    ).toEqual([
      { path: 'a.yaml', documents: 1, errors: [], skipped: [] },
      { path: 'b.yaml', documents: 3, errors: [], skipped: [skipped(3), skipped(9)] },
    ]);
  });
});
