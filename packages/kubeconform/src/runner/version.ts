import { runProcess } from './process.js';

/** `v0.6.7` from the output of `kubeconform -v` (lenient: `0.6.7`, `kubeconform v0.6.7`, a suffix); else undefined. */
export function parseKubeconformVersion(output: string): string | undefined {
  const match = /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)/.exec(output);
  return match ? `v${match[1]}` : undefined;
}

/**
 * The version of a kubeconform binary (`kubeconform -v` → `v0.6.7`), or undefined when it cannot be run
 * or does not print one. Never throws: the version only names the validator in reports.
 */
export async function kubeconformVersion(
  binary: string,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<string | undefined> {
  try {
    const result = await runProcess(binary, ['-v'], {
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.env && { env: options.env }),
    });
    if (result.code !== 0) return undefined;
    return parseKubeconformVersion(`${result.stdout}\n${result.stderr}`);
  } catch {
    return undefined;
  }
}
