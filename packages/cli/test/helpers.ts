import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIO } from '../src/io.js';
import type { CliFs } from '../src/files/fs.js';
import { nodeFileSystem } from '../src/files/fs.js';

/** A writable that remembers what was written. */
export interface Captured {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  text(): string;
}

export function capture(isTTY = false): Captured {
  let text = '';
  const stream = {
    isTTY,
    write(chunk: string | Uint8Array): boolean {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
  } as unknown as NodeJS.WritableStream & { isTTY?: boolean };
  return { stream, text: () => text };
}

export interface TestIO {
  io: CliIO;
  stdout: Captured;
  stderr: Captured;
}

export function testIO(cwd: string, options: { stdin?: string; env?: Record<string, string | undefined>; tty?: boolean } = {}): TestIO {
  const stdout = capture(options.tty ?? false);
  const stderr = capture(options.tty ?? false);
  return {
    io: {
      stdin: Readable.from([Buffer.from(options.stdin ?? '', 'utf8')]),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: options.env ?? { NO_COLOR: '1' },
      cwd,
    },
    stdout,
    stderr,
  };
}

/** A fresh temporary directory holding `files` (path → content); removed by `cleanup`. */
export function tempTree(files: Record<string, string> = {}): { root: string; write(path: string, text: string): string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'shiftdown-cli-'));
  const write = (path: string, text: string): string => {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    return absolute;
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A Node.js-style system error. */
export function systemError(code: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: operation failed, '${path}'`);
  error.code = code;
  error.path = path;
  return error;
}

/** The real file system, except that the given calls fail with EACCES for the given absolute paths. */
export function deniedFs(denied: { readFile?: string[]; readdir?: string[] }): CliFs {
  return {
    ...nodeFileSystem,
    readdir: async (path) => {
      if (denied.readdir?.includes(path)) throw systemError('EACCES', path);
      return nodeFileSystem.readdir(path);
    },
    readFile: async (path) => {
      if (denied.readFile?.includes(path)) throw systemError('EACCES', path);
      return nodeFileSystem.readFile(path);
    },
  };
}

export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

/** Passes every Pod Security Standards check (baseline and restricted); the end-to-end tests scan it too. */
export const HARDENED_DEPLOYMENT = readFileSync(join(__dirname, 'fixtures', 'hardened-deployment.yaml'), 'utf8');
