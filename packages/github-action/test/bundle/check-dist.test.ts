import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The committed bundle must be exactly what `node scripts/bundle.mjs` builds from the current sources. */
const PACKAGE = resolve(__dirname, '..', '..');

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
  );
}

describe('check-dist', () => {
  it('bundle/ is up to date (rebuild with: node packages/github-action/scripts/bundle.mjs)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'shiftdown-bundle-'));
    try {
      execFileSync(process.execPath, [join(PACKAGE, 'scripts', 'bundle.mjs'), fresh], { stdio: 'pipe' });
      const committed = join(PACKAGE, 'bundle');
      const expected = listFiles(fresh).sort();
      expect(listFiles(committed).sort()).toEqual(expected);
      const stale = expected.filter(
        (file) => !readFileSync(join(fresh, file)).equals(readFileSync(join(committed, file))),
      );
      expect(stale).toEqual([]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);
});
