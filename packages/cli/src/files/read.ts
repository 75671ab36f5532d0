import type { InputFile } from '@shiftdown/policy-core';
import type { CliFs } from './fs.js';
import { describeFsError } from './fs.js';
import type { CollectedFile, InputProblem } from './walk.js';

export interface ReadOptions {
  fs: CliFs;
  /** Bytes to text (the core's `decodeBytes`). */
  decode: (bytes: Uint8Array) => string;
  /** Files larger than this are not read (reported as unreadable). */
  maxBytes?: number;
  /** Reads in flight at once (default 16). */
  concurrency?: number;
  /** Called after each file with the number done so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReadResult {
  /** In the order of the collected files. */
  inputs: InputFile[];
  problems: InputProblem[];
}

/** Read and decode the collected files, a few at a time; a file that cannot be read is a problem, not a crash. */
export async function readFiles(files: readonly CollectedFile[], options: ReadOptions): Promise<ReadResult> {
  const texts: (string | undefined)[] = new Array(files.length);
  const failures: (InputProblem | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      try {
        if (options.maxBytes !== undefined) {
          const { size } = await options.fs.stat(file.absolutePath);
          if (size > options.maxBytes) {
            failures[index] = {
              kind: 'unreadable',
              path: file.path,
              message: `cannot read ${file.path}: file is too large (${size} bytes; the limit is ${options.maxBytes})`,
            };
            continue;
          }
        }
        texts[index] = options.decode(await options.fs.readFile(file.absolutePath));
      } catch (error) {
        failures[index] = { kind: 'unreadable', path: file.path, message: `cannot read ${file.path}: ${describeFsError(error)}` };
      } finally {
        done++;
        options.onProgress?.(done, files.length);
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 16, files.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const inputs: InputFile[] = [];
  const problems: InputProblem[] = [];
  files.forEach((file, i) => {
    const text = texts[i];
    if (text !== undefined) inputs.push({ path: file.path, text });
    const failure = failures[i];
    if (failure) problems.push(failure);
  });
  return { inputs, problems };
}

/** Everything a stream yields, as bytes (stdin). */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
