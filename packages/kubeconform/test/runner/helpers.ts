import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SHARED_DIR =
  process.env.SHIFTDOWN_SHARED_DIR ?? path.resolve(__dirname, '../../../../../shared');
export const KUBECONFORM_DIR = path.join(SHARED_DIR, 'conformance', 'kubeconform');
export const INPUTS_DIR = path.join(KUBECONFORM_DIR, 'inputs');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus', 'real-world');
export const FAKE_BINARY_SOURCE = path.resolve(__dirname, '../fixtures/runner/fake-kubeconform.mjs');

/** A recorded `output.*.txt`: the program's stdout and the exit code from its last line (`exit N`). */
export function readRecording(name: string): { stdout: string; exitCode: number } {
  const text = fs.readFileSync(path.join(KUBECONFORM_DIR, name), 'utf8');
  const match = /\nexit (\d+)\s*$/.exec(text);
  if (!match) throw new Error(`${name} does not end with "exit N"`);
  return { stdout: text.slice(0, match.index + 1), exitCode: Number(match[1]) };
}

/** The recorded inputs, in the sorted order kubeconform was given them, as scan input files. */
export function readInputs(): { path: string; text: string }[] {
  return fs
    .readdirSync(INPUTS_DIR)
    .sort()
    .map((name) => ({ path: name, text: fs.readFileSync(path.join(INPUTS_DIR, name), 'utf8') }));
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of the fake binary, executable (git does not always keep the mode), named `name` in `dir`. */
export function installFakeBinary(dir: string, name = 'kubeconform', mode = 0o755): string {
  const target = path.join(dir, name);
  fs.copyFileSync(FAKE_BINARY_SOURCE, target);
  fs.chmodSync(target, mode);
  return target;
}
