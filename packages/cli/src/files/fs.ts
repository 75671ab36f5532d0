import { promises as nodeFs } from 'node:fs';

/** What `stat` tells the walker (after following symbolic links). */
export interface FileStat {
  isFile(): boolean;
  isDirectory(): boolean;
  size: number;
}

/** A directory entry as `readdir(…, { withFileTypes: true })` returns it (symbolic links not followed). */
export interface DirEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * The file-system calls file collection needs. Injected so tests can simulate what a root test run
 * cannot produce for real (EACCES on a file or directory).
 */
export interface CliFs {
  stat(path: string): Promise<FileStat>;
  readdir(path: string): Promise<DirEntry[]>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
}

export const nodeFileSystem: CliFs = {
  stat: (path) => nodeFs.stat(path),
  readdir: (path) => nodeFs.readdir(path, { withFileTypes: true }),
  realpath: (path) => nodeFs.realpath(path),
  readFile: (path) => nodeFs.readFile(path),
};

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** A short, human reason for a failed file-system call. */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'file is too large to read';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
