import { dirname, join } from 'node:path';
import type { CliFs } from '../files/fs.js';

/** Config file names, in order of preference within one directory. */
export const CONFIG_FILE_NAMES = ['.shiftdown.yaml', '.shiftdown.yml'] as const;

/**
 * The nearest config file: `.shiftdown.yaml` (then `.shiftdown.yml`) in `startDirectory`, then in
 * each parent directory up to the file-system root. Undefined when there is none.
 */
export async function discoverConfig(startDirectory: string, fs: Pick<CliFs, 'stat'>): Promise<string | undefined> {
  let directory = startDirectory;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (await isFile(candidate, fs)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

async function isFile(path: string, fs: Pick<CliFs, 'stat'>): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}
