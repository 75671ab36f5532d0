import type { Resource, ResourceIndex, SchemaIssue, SchemaValidator } from '@shiftdown/policy-core';
import { matchResults, type Matching } from './match.js';
import { issuesFromResult, isYamlError } from './messages.js';
import type { KubeconformResource } from './output.js';

/** What the validator needs of a kubeconform run (a `runKubeconform` result or a parsed recording). */
export interface KubeconformRun {
  version?: string;
  resources: readonly KubeconformResource[];
}

export interface KubeconformValidator extends SchemaValidator {
  /** The run the verdicts come from, every result kept (YAML errors and empty documents included). */
  readonly run: KubeconformRun;
  /**
   * Results that match no resource of the scan (e.g. a document the core skipped as not a Kubernetes
   * object, or errors on a `…List` envelope rather than on an item), for the caller to print as warnings.
   * Complete once `scan()` has returned; before any `validate()` call no result counts as matched. Empty
   * documents and YAML errors (the core reports those itself as `parse-error`/`duplicate-key`) are left out.
   */
  readonly unmatched: readonly KubeconformResource[];
}

/**
 * A SchemaValidator answering from kubeconform's verdicts, mapped back to the scan's resources (see
 * `matchResults`) and turned into issues at exact paths (see `issuesFromResult`).
 */
export function kubeconformValidator(
  run: KubeconformRun,
  options: { name?: string } = {},
): KubeconformValidator {
  const name = options.name ?? (run.version ? `kubeconform ${run.version}` : 'kubeconform');
  let current: { index: ResourceIndex; matching: Matching } | undefined;

  const matchingFor = (index: ResourceIndex): Matching => {
    if (current?.index !== index) current = { index, matching: matchResults(run.resources, index.all) };
    return current.matching;
  };

  return {
    name,
    run,
    get unmatched() {
      const matching = current?.matching;
      const unpaired = run.resources.filter(
        (result) => !matching?.used.has(result) && result.status !== '' && !isYamlError(result),
      );
      return [...unpaired, ...(matching?.leftovers ?? [])];
    },
    validate(resource: Resource, index: ResourceIndex): readonly SchemaIssue[] {
      const result = matchingFor(index).byResource.get(resource);
      return result ? issuesFromResult(result, resource) : [];
    },
  };
}
