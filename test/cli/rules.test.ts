import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PACKAGE, REPO_ROOT, assertBuilt, runNode, shiftdown } from './run-cli.js';

/** The rule doc as the core renders it, computed in a separate process with the built core. */
async function renderedDoc(ruleId: string): Promise<string> {
  const script = [
    "import { renderRuleDoc, ruleCatalog } from '@shiftdown/policy-core';",
    'process.stdout.write(renderRuleDoc(ruleCatalog().get(process.argv[1])));',
  ].join('\n');
  const result = await runNode(['--input-type=module', '-e', script, ruleId], { cwd: CLI_PACKAGE });
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe('shiftdown rules / explain (the built CLI as a process)', () => {
  beforeAll(assertBuilt);

  test('explain prints exactly the rule doc (docs/rules/<id>.md)', async () => {
    const result = await shiftdown(['explain', 'privileged-container'], { cwd: REPO_ROOT });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(await renderedDoc('privileged-container'));
    expect(result.stdout.startsWith('# privileged-container\n')).toBe(true);
    const doc = join(REPO_ROOT, 'docs', 'rules', 'privileged-container.md');
    if (existsSync(doc)) expect(result.stdout).toBe(readFileSync(doc, 'utf8'));
  });

  test('explain with an unknown rule exits 2 and suggests the closest one', async () => {
    const result = await shiftdown(['explain', 'privileged-containers'], { cwd: REPO_ROOT });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown rule "privileged-containers" — did you mean "privileged-container"?');
  });

  test('rules --format json lists privileged-container with its metadata', async () => {
    const result = await shiftdown(['rules', '--format', 'json'], { cwd: REPO_ROOT });
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as { id: string; severity: string; pss?: { level: string; check: string } }[];
    expect(rules.find((r) => r.id === 'privileged-container')).toMatchObject({
      severity: 'critical',
      pss: { level: 'baseline', check: 'privileged' },
    });
  });

  test('rules prints a table', async () => {
    const result = await shiftdown(['rules'], { cwd: REPO_ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^RULE +SEVERITY +CATEGORY +PSS +TITLE$/m);
    expect(result.stdout).toMatch(/^privileged-container +critical +isolation /m);
  });

  test('--version prints the CLI version', async () => {
    const pkg = JSON.parse(readFileSync(join(CLI_PACKAGE, 'package.json'), 'utf8')) as { version: string };
    const result = await shiftdown(['--version'], { cwd: REPO_ROOT });
    expect(result).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
