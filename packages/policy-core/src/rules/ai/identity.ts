/** The ServiceAccount an MCP server or agent runs as, and whether its API token reaches the pod. */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { Workload } from '../../model/workload.js';
import { isTemplatedText } from '../../model/image.js';
import { asArray, asObject, asString, isSet } from '../../model/values.js';
import { kagentDeployment, type AgentTarget } from './common.js';
import { automountState, serviceAccountOf, type TokenMount } from '../identity/common.js';

export interface TargetServiceAccount {
  name: string;
  /** Where the name is written (or where it would be). */
  path: Path;
  /** How the name was found, for messages. */
  origin: 'field' | 'default' | 'kagent-default';
}

/**
 * The ServiceAccount of a target: `serviceAccountName` of a pod template (else `default`); ToolHive
 * `spec.serviceAccount` (when absent the operator creates one whose name the manifest does not show: undefined);
 * kagent Agent `deployment.serviceAccountName`, else the ServiceAccount the controller creates, named after the
 * agent. Undefined for kagent MCPServers and for templated names.
 */
export function targetServiceAccount(target: AgentTarget): TargetServiceAccount | undefined {
  const spec = asObject(target.resource.object.spec) ?? {};
  switch (target.source) {
    case 'workload': {
      if (!target.workload) return undefined;
      const ref = serviceAccountOf(target.workload);
      if (!ref.known) return undefined;
      return { name: ref.name, path: ref.path, origin: ref.field ? 'field' : 'default' };
    }
    case 'toolhive-mcpserver':
    case 'toolhive-vmcp': {
      const name = asString(spec.serviceAccount);
      if (!name || isTemplatedText(name)) return undefined;
      return { name, path: ['spec', 'serviceAccount'], origin: 'field' };
    }
    case 'kagent-agent': {
      const deployment = kagentDeployment(target.resource);
      const name = asString(deployment?.spec.serviceAccountName);
      if (name !== undefined && deployment) {
        return isTemplatedText(name)
          ? undefined
          : { name, path: [...deployment.path, 'serviceAccountName'], origin: 'field' };
      }
      const agentName = target.resource.name;
      if (!agentName || isTemplatedText(agentName)) return undefined;
      return { name: agentName, path: target.anchor, origin: 'kagent-default' };
    }
    default:
      return undefined;
  }
}

/** True when a volume projects a ServiceAccount token (explicitly requested: the automount setting does not matter). */
export function projectsToken(workload: Workload): boolean {
  return asArray(workload.podSpec.volumes).some((volume) =>
    asArray(asObject(asObject(volume)?.projected)?.sources).some((source) =>
      isSet(asObject(source)?.serviceAccountToken),
    ),
  );
}

/** Whether the pod gets an API token: a projected token always; else the automount setting (see `automountState`). */
export function tokenMount(workload: Workload, serviceAccount: Resource | undefined): TokenMount {
  return projectsToken(workload) ? 'mounted' : automountState(workload, serviceAccount);
}
