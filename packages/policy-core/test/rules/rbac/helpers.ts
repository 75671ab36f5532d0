/** Shared helpers for the RBAC permission-model tests. */
import { parseFile } from '../../../src/parse/parse-file.js';
import { buildResources } from '../../../src/model/resource.js';
import { ResourceIndex } from '../../../src/model/resource-index.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../../src/model/workload.js';

/** The resources of a YAML text, indexed; fails the test when the text does not parse. */
export function indexOf(text: string): ResourceIndex {
  const parsed = parseFile({ path: 'test.yaml', text });
  let next = 0;
  const built = buildResources(parsed, BUILTIN_WORKLOAD_KINDS, () => next++);
  expect([...parsed.errors, ...built.errors]).toEqual([]);
  return new ResourceIndex(built.resources);
}
