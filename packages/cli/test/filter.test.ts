import { createPathFilter } from '../src/files/filter.js';

describe('createPathFilter', () => {
  const base = '/repo';

  test('without globs everything passes', () => {
    const filter = createPathFilter({ baseDirectory: base });
    expect(filter.includeFile('/repo/a.yaml')).toBe(true);
    expect(filter.pruneDirectory('/repo/x')).toBe(false);
  });

  test('include globs select files relative to the config directory (a leading ./ is ignored)', () => {
    const filter = createPathFilter({ include: ['./deploy/**/*.yaml'], baseDirectory: base });
    expect(filter.includeFile('/repo/deploy/prod/app.yaml')).toBe(true);
    expect(filter.includeFile('/repo/docs/example.yaml')).toBe(false);
  });

  test('exclude globs drop files and prune directories, including everything below a named directory', () => {
    const filter = createPathFilter({ exclude: ['charts', '**/*.json', '.hidden/**'], baseDirectory: base });
    expect(filter.includeFile('/repo/charts/x/templates/a.yaml')).toBe(false);
    expect(filter.includeFile('/repo/k8s/values.json')).toBe(false);
    expect(filter.includeFile('/repo/.hidden/a.yaml')).toBe(false);
    expect(filter.includeFile('/repo/k8s/app.yaml')).toBe(true);
    expect(filter.pruneDirectory('/repo/charts')).toBe(true);
    expect(filter.pruneDirectory('/repo/k8s')).toBe(false);
    expect(filter.pruneDirectory('/repo')).toBe(false);
  });

  test('files outside the config directory are not filtered', () => {
    const filter = createPathFilter({ include: ['k8s/**'], exclude: ['**'], baseDirectory: base });
    expect(filter.includeFile('/elsewhere/app.yaml')).toBe(true);
    expect(filter.pruneDirectory('/elsewhere')).toBe(false);
  });
});
