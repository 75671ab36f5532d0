/**
 * Conformance with Kubernetes' own Pod Security admission fixtures (see <shared>/conformance/pss/README.md):
 * every `pass` Pod must get no finding and every `fail` Pod at least one, from the check its file is named
 * after, at the folder's level and policy version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PssLevel } from '../../src/types.js';
import { parseFile } from '../../src/parse/parse-file.js';
import { buildResources } from '../../src/model/resource.js';
import { ResourceIndex } from '../../src/model/resource-index.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../src/model/workload.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { pssRulesFor } from '../../src/rules/pss/index.js';

const SHARED_DIR = process.env.SHIFTDOWN_SHARED_DIR ?? path.resolve(__dirname, '../../../../../shared');
const FIXTURES = path.join(SHARED_DIR, 'conformance', 'pss');
const EXPECTED_FILES = 4537;
/** Per level and outcome, as in the fixtures' README. */
const EXPECTED_COUNTS: Readonly<Record<string, number>> = {
  'baseline/pass': 433,
  'baseline/fail': 1122,
  'restricted/pass': 618,
  'restricted/fail': 2364,
};
const LEVELS: readonly PssLevel[] = ['baseline', 'restricted'];

interface Suite {
  level: PssLevel;
  minor: number;
  dir: string;
}

function suites(): Suite[] {
  const out: Suite[] = [];
  for (const level of LEVELS) {
    const levelDir = path.join(FIXTURES, level);
    if (!fs.existsSync(levelDir)) continue;
    for (const entry of fs.readdirSync(levelDir)) {
      const match = /^v1\.(\d+)$/.exec(entry);
      if (match) out.push({ level, minor: Number(match[1]), dir: path.join(levelDir, entry) });
    }
  }
  return out.sort((a, b) => a.level.localeCompare(b.level) || a.minor - b.minor);
}

/** `capabilities_restricted3.yaml` → `capabilities_restricted`; `base_linux.yaml` → undefined (pass only). */
function checkOf(file: string): string | undefined {
  return /^([a-z_]+?)\d+\.yaml$/.exec(file)?.[1];
}

let checked = 0;
const counts: Record<string, number> = {};

describe('Pod Security admission conformance fixtures', () => {
  const all = suites();

  it('finds the fixtures', () => {
    expect(fs.existsSync(FIXTURES)).toBe(true);
    expect(all).toHaveLength(76);
  });

  for (const suite of all) {
    it(`${suite.level} v1.${suite.minor}`, () => {
      const rules = pssRulesFor(suite.level).map((rule) => ({ rule, severity: rule.meta.severity }));
      const settings = { pssVersion: { major: 1 as const, minor: suite.minor } };
      const mismatches: string[] = [];
      for (const outcome of ['pass', 'fail'] as const) {
        const dir = path.join(suite.dir, outcome);
        if (!fs.existsSync(dir)) continue;
        for (const file of fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.yaml'))
          .sort()) {
          const rel = `${suite.level}/v1.${suite.minor}/${outcome}/${file}`;
          checked++;
          counts[`${suite.level}/${outcome}`] = (counts[`${suite.level}/${outcome}`] ?? 0) + 1;
          const parsed = parseFile({ path: rel, text: fs.readFileSync(path.join(dir, file), 'utf8') });
          let next = 0;
          const built = buildResources(parsed, BUILTIN_WORKLOAD_KINDS, () => next++);
          if (parsed.errors.length > 0 || built.resources.length !== 1 || !built.resources[0]!.workload) {
            mismatches.push(`${rel}: not parsed as one Pod`);
            continue;
          }
          const result = evaluate(built.resources, rules, new ResourceIndex(built.resources), settings);
          if (result.crashes.length > 0) {
            mismatches.push(
              `${rel}: rule crashed: ${result.crashes.map((c) => `${c.ruleId}: ${c.message}`).join('; ')}`,
            );
            continue;
          }
          const describe = () =>
            result.findings.map((f) => `${f.ruleId}@${f.line}: ${f.message}`).join(' | ');
          if (outcome === 'pass') {
            if (result.findings.length > 0) mismatches.push(`${rel}: expected allowed, got ${describe()}`);
            continue;
          }
          const check = checkOf(file);
          if (result.findings.length === 0) {
            mismatches.push(`${rel}: expected denied, got no finding`);
          } else if (check && !result.findings.some((f) => f.pss?.check.toLowerCase() === check)) {
            mismatches.push(`${rel}: expected a "${check}" finding, got ${describe()}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it(`checks exactly ${EXPECTED_FILES} fixture files`, () => {
    expect(checked).toBe(EXPECTED_FILES);
    expect(counts).toEqual(EXPECTED_COUNTS);
  });
});
