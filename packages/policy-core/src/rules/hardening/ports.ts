/** Container ports, for the port rules. */
import type { Path } from '../../types.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { asInteger } from './common.js';

export interface ContainerPort {
  container: ContainerView;
  port: number;
  /** `TCP` when unset, as the API server defaults it. */
  protocol: string;
  name?: string;
  path: Path;
}

/** Every integer `containerPort` of every container (ephemeral containers cannot declare ports). */
export function containerPorts(workload: Workload): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const container of workload.containers) {
    asArray(container.spec.ports).forEach((raw, index) => {
      const entry = asObject(raw);
      const port = asInteger(entry?.containerPort);
      if (!entry || port === undefined) return;
      const name = asString(entry.name);
      ports.push({
        container,
        port,
        protocol: asString(entry.protocol) ?? 'TCP',
        ...(name !== undefined && { name }),
        path: [...container.path, 'ports', index, 'containerPort'],
      });
    });
  }
  return ports;
}
