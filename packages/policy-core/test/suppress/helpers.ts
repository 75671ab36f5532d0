import type { Finding } from '../../src/types.js';
import { parseFile } from '../../src/parse/parse-file.js';
import { buildResources, type Resource } from '../../src/model/resource.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../src/model/workload.js';
import { toFinding } from '../../src/engine/evaluate.js';
import { BUILTIN_RULES } from '../../src/rules/builtin.js';
import privilegedContainer from '../../src/rules/pss/privileged-container.js';

export const privileged = privilegedContainer.meta;

/** Every rule id the tests treat as existing. */
export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set([
  privileged.id,
  'host-namespaces',
  ...BUILTIN_RULES.map((r) => r.id),
]);

export function resourcesOf(text: string, path = 'deploy/app.yaml'): Resource[] {
  const parsed = parseFile({ path, text });
  expect(parsed.errors).toEqual([]);
  let id = 0;
  return buildResources(parsed, BUILTIN_WORKLOAD_KINDS, () => id++).resources;
}

/** The findings privileged-container reports on a resource, built the way the engine builds them. */
export function privilegedFindings(resource: Resource): { finding: Finding; resource: Resource }[] {
  const workload = resource.workload!;
  return workload.containers
    .filter((container) => container.securityContext.privileged === true)
    .map((container) => ({
      resource,
      finding: toFinding(privileged, privileged.severity, resource, {
        message: `Container "${container.name}" runs privileged: it has full access to the host.`,
        path: [...container.path, 'securityContext', 'privileged'],
        container,
      }),
    }));
}

export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
