import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface DirEntry {
  name: string;
  kind: 'file' | 'directory' | 'other';
}

/** The file system as the Action uses it; tests pass the node one on a temp dir, or a fake. */
export interface RunFiles {
  readFile(path: string): Promise<Uint8Array>;
  /** Writes text, creating the parent directories. */
  writeFile(path: string, text: string): Promise<void>;
  readDir(path: string): Promise<DirEntry[]>;
}

/** True for the error a RunFiles method throws when the path does not exist. */
export function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}

export const nodeFiles: RunFiles = {
  readFile: (path) => readFile(path),
  async writeFile(path, text) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  },
  async readDir(path) {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map((entry) => ({
      name: entry.name,
      kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other',
    }));
  },
};

/** `path` resolved against the workspace unless absolute (POSIX or Windows). */
export function inWorkspace(workspace: string, path: string): string {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return path;
  return `${workspace.replace(/[\\/]+$/, '')}/${path.replace(/^\.\//, '')}`;
}
