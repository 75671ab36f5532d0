import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import type { Workload } from '../../model/workload.js';
import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { asObject, asString } from '../../model/values.js';
import { GPU_TAG, RESOURCE_QUOTA_SOURCE, acceleratorUses, draAcceleratorClasses } from './common.js';
import { TEMPLATE_KINDS, isVolcanoJob, kueueLabelSources, podTemplatesOf } from './templates.js';

/** A device the workload consumes, the ResourceQuota key that caps it, and where the workload asks for it. */
interface Demand {
  name: string;
  quotaKey: string;
  path: Path;
}

function demandsOf(workload: Workload, namespace: string, index: ResourceIndex): Demand[] {
  const demands: Demand[] = [];
  for (const container of workload.containers) {
    for (const use of acceleratorUses(container)) {
      if (use.info.role === 'device')
        demands.push({ name: use.name, quotaKey: `requests.${use.name}`, path: use.path });
    }
  }
  for (const deviceClass of draAcceleratorClasses(workload, namespace, index)) {
    demands.push({
      name: `DeviceClass ${deviceClass}`,
      quotaKey: `${deviceClass}.deviceclass.resource.k8s.io/devices`,
      path: [...workload.podSpecPath, 'resourceClaims'],
    });
  }
  return demands;
}

/** True when a queueing system admits the workload: Kueue, KAI Scheduler or Volcano. */
function isQueued(resource: Resource, workloads: readonly Workload[], index: ResourceIndex): boolean {
  if (isVolcanoJob(resource)) return true;
  if (workloads.some((w) => ['kai-scheduler', 'volcano'].includes(asString(w.podSpec.schedulerName) ?? ''))) {
    return true;
  }
  if (kueueLabelSources(resource).some((s) => s.labels['kueue.x-k8s.io/queue-name'])) return true;
  return index.inNamespace('LocalQueue', resource.namespace).length > 0;
}

/** The scan says how the namespace is set up: it holds the Namespace object, a ResourceQuota or a LimitRange. */
function namespaceInScan(namespace: string, index: ResourceIndex): boolean {
  return (
    index.find('Namespace', undefined, namespace) !== undefined ||
    index.inNamespace('ResourceQuota', namespace).length > 0 ||
    index.inNamespace('LimitRange', namespace).length > 0
  );
}

/** GPU-010: GPU consumers in a namespace that caps neither GPUs nor queues them. */
export default defineRule({
  meta: {
    id: 'gpu-namespace-without-quota',
    title: 'GPU workload in a namespace without GPU quota',
    severity: 'medium',
    category: 'multitenancy',
    description:
      'A workload in a named, non-system namespace consumes accelerator devices (an accelerator device resource, ' +
      'or a DRA claim of a GPU device class), the scan defines that namespace (its Namespace object, a ' +
      'ResourceQuota or a LimitRange in it, so quotas kept elsewhere do not cause findings), no scanned ' +
      'ResourceQuota in the namespace has a hard limit on `requests.<resource>` for the device (or ' +
      '`<class>.deviceclass.resource.k8s.io/devices` for DRA), and no queue governs the workload (no Kueue ' +
      '`kueue.x-k8s.io/queue-name` label or LocalQueue in the namespace, no `kai-scheduler` or `volcano` ' +
      'scheduler, not a Volcano Job). One finding per workload, at its first uncapped device.',
    rationale:
      'GPUs are the scarcest and most expensive resource of a shared cluster. Without a quota or a queue, one ' +
      "tenant's workloads can take every accelerator that fits, starving the others (denial of service between " +
      'tenants), and a compromised workload can scale up for cryptomining (MITRE ATT&CK T1496). Extended ' +
      'resources cannot be overcommitted, so a quota on `requests.nvidia.com/gpu` is a hard cap per namespace; ' +
      'Kueue, KAI Scheduler and Volcano queues give the same bound with fair sharing.',
    sources: [
      RESOURCE_QUOTA_SOURCE,
      { title: 'MITRE ATT&CK T1496: Resource Hijacking', url: 'https://attack.mitre.org/techniques/T1496/' },
    ],
    remediation:
      'Cap the accelerators of each tenant namespace, or admit its GPU workloads through a Kueue LocalQueue:\n\n' +
      '```yaml\napiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: gpu\n  namespace: team-a\nspec:\n  hard:\n' +
      '    requests.nvidia.com/gpu: "4"\n```',
    tags: [GPU_TAG, 'quota'],
  },
  match: { kinds: TEMPLATE_KINDS },
  crossResource: true,
  check({ resource, index, settings, report }) {
    const namespace = resource.namespace;
    if (namespace === undefined || isSystemNamespace(namespace, settings)) return;
    const workloads = podTemplatesOf(resource);
    const demands = workloads.flatMap((w) => demandsOf(w, namespace, index));
    if (demands.length === 0 || !namespaceInScan(namespace, index)) return;
    if (isQueued(resource, workloads, index)) return;
    const capped = new Set<string>();
    for (const quota of index.inNamespace('ResourceQuota', namespace)) {
      for (const key of Object.keys(asObject(asObject(quota.object.spec)?.hard) ?? {})) capped.add(key);
    }
    const uncapped = demands.filter((d) => !capped.has(d.quotaKey));
    const first = uncapped[0];
    if (!first) return;
    const keys = [...new Set(uncapped.map((d) => d.quotaKey))];
    const names = [...new Set(uncapped.map((d) => d.name))];
    const quotas = index.inNamespace('ResourceQuota', namespace).length;
    report({
      message:
        `The ${resource.kind} uses ${names.join(', ')} in namespace "${namespace}", which has no ResourceQuota on ` +
        `${keys.join(', ')}${quotas > 0 ? ` (it has ${quotas} other quota${quotas > 1 ? 's' : ''})` : ''} and no ` +
        'Kueue, KAI or Volcano queue, so nothing bounds how many accelerators it takes.',
      path: first.path,
    });
  },
});
