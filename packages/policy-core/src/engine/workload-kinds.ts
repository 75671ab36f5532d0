import type { WorkloadKindConfig } from '../config/types.js';
import type { WorkloadKind } from '../model/workload.js';

function splitPath(dotted: string): string[] {
  return dotted.split('.').filter((s) => s !== '');
}

/** Custom workload kinds declared in `.shiftdown.yaml` (`workloadKinds`). */
export function workloadKindsFromConfig(kinds: readonly WorkloadKindConfig[] | undefined): WorkloadKind[] {
  return (kinds ?? []).map((k) => {
    const podSpecPath = splitPath(k.podSpecPath);
    const podMetadataPath = k.podMetadataPath
      ? splitPath(k.podMetadataPath)
      : podSpecPath.length > 1
        ? [...podSpecPath.slice(0, -1), 'metadata']
        : ['metadata'];
    return { kind: k.kind, ...(k.group !== undefined && { groups: [k.group] }), podSpecPath, podMetadataPath };
  });
}
