import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** One document source to validate. */
export interface KubeconformInput {
  /** The path as the scan reports it (the core's `file`): results are mapped back to it. */
  path: string;
  /** Where the same bytes are on disk, when they are: passed to kubeconform as is. */
  diskPath?: string;
  /** The text the scan parsed; written to a private temporary file when there is no usable diskPath. */
  text: string;
}

export interface StagedInputs {
  /** File arguments, in input order. */
  files: string[];
  /** The scan path of the file kubeconform reports as `filename`. */
  scanPath(filename: string): string;
  /** Removes the temporary directory, if one was made. */
  cleanup(): Promise<void>;
}

/**
 * Gives every input a file kubeconform will read. A disk path is used directly when kubeconform would
 * take it: it reads only `.yaml`, `.yml` and `.json` files and splits arguments at commas. Everything else (stdin, in-memory text, other names) is written to a private
 * temporary directory, with the extension kept so JSON stays JSON.
 */
export async function stageInputs(inputs: readonly KubeconformInput[], cwd: string): Promise<StagedInputs> {
  const files: string[] = [];
  const byArgument = new Map<string, string>();
  let tempDir: string | undefined;
  try {
    for (const [index, input] of inputs.entries()) {
      let argument: string;
      if (input.diskPath !== undefined && usableAsIs(input.diskPath)) {
        argument = input.diskPath;
      } else {
        tempDir ??= await fs.mkdtemp(path.join(os.tmpdir(), 'shiftdown-kubeconform-'));
        argument = path.join(tempDir, `${index}${/\.json$/i.test(input.path) ? '.json' : '.yaml'}`);
        await fs.writeFile(argument, input.text, { encoding: 'utf8', mode: 0o600 });
      }
      // The same file twice would be validated twice: keep the first.
      if (byArgument.has(argument)) continue;
      byArgument.set(argument, input.path);
      files.push(argument);
    }
  } catch (error) {
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  const byAbsolute = new Map(
    [...byArgument].map(([argument, scanPath]) => [path.resolve(cwd, argument), scanPath]),
  );
  return {
    files,
    scanPath: (filename) =>
      byArgument.get(filename) ?? byAbsolute.get(path.resolve(cwd, filename)) ?? filename,
    cleanup: async () => {
      if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
    },
  };
}

function usableAsIs(diskPath: string): boolean {
  return /\.(ya?ml|json)$/i.test(diskPath) && !diskPath.includes(',');
}

/**
 * Splits file arguments into runs of at most `maxFiles` files and about `maxChars` characters of
 * arguments, so no run overflows the operating system's command-line limit.
 */
export function chunkFiles(files: readonly string[], maxFiles: number, maxChars: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const file of files) {
    const size = file.length + 1;
    if (current.length > 0 && (current.length >= maxFiles || chars + size > maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(file);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
