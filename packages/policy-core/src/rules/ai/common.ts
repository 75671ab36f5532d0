/**
 * Recognising AI agents and MCP servers in a scan (RULES.md Part E6), shared by the `ai` rules:
 * - ToolHive `MCPServer` / `VirtualMCPServer` (toolhive.stacklok.dev, any version; pod template in
 *   `spec.podTemplateSpec`);
 * - kagent `MCPServer` (kagent.dev; `spec.deployment{image, cmd, args, env}`, also written by `kmcp`) and
 *   `Agent` (kagent.dev; `spec.declarative.deployment` / `spec.byo.deployment`);
 * - ordinary workloads whose pod template or object carries `app.kubernetes.io/component: mcp-server`, or
 *   `agent` together with an AI hint (an LLM provider key variable, an MCP image or package); a container
 *   image that is an MCP server (`docker.io/mcp/*`, `…/modelcontextprotocol/*`, an image name with an `mcp`
 *   component such as `github-mcp-server`); a container that fetches an MCP package with npx/uvx/pipx/pip.
 */
import type { Path, RuleSource } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { parseImageRef } from '../../model/image.js';
import { labelsOf, type Labels } from '../../model/selector.js';
import { asArray, asObject, asString, type JsonObject } from '../../model/values.js';
import { BUILTIN_WORKLOAD_KINDS, apiGroup, type ContainerView, type Workload } from '../../model/workload.js';
import { containerLabel } from '../pss/common.js';
import { objectLabel } from '../network/common.js';
import { templateWorkload } from '../gpu/templates.js';
import { isMcpPackageName, packageRuns, type Word } from './packages.js';

export const AI_TAG = 'ai-agents';

export const TOOLHIVE_GROUP = 'toolhive.stacklok.dev';
const KAGENT_GROUP = 'kagent.dev';

/** Kinds the agent rules look at: every built-in workload kind and the agent custom resources. */
export const AGENT_KINDS: readonly string[] = [
  ...new Set([...BUILTIN_WORKLOAD_KINDS.map((k) => k.kind), 'MCPServer', 'VirtualMCPServer', 'Agent']),
];

// --- Sources ---------------------------------------------------------------------------------------------------

export const SOURCES = {
  owaspAgentic: {
    title: 'OWASP Top 10 for Agentic Applications (2026)',
    url: 'https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/',
  },
  owaspExcessiveAgency: {
    title: 'OWASP Top 10 for LLM Applications 2025: LLM06 Excessive Agency',
    url: 'https://genai.owasp.org/llmrisk/llm062025-excessive-agency/',
  },
  mcpSecurity: {
    title: 'Model Context Protocol: Security Best Practices',
    url: 'https://modelcontextprotocol.io/specification/latest/basic/security_best_practices',
  },
  toolhiveCrd: {
    title: 'ToolHive operator: MCPServer API (mcpserver_types.go)',
    url: 'https://github.com/stacklok/toolhive/blob/main/cmd/thv-operator/api/v1beta1/mcpserver_types.go',
  },
  toolhiveVirtual: {
    title: 'ToolHive operator: VirtualMCPServer API (virtualmcpserver_types.go)',
    url: 'https://github.com/stacklok/toolhive/blob/main/cmd/thv-operator/api/v1beta1/virtualmcpserver_types.go',
  },
  toolhivePermissions: {
    title: 'ToolHive: RunConfig and permission profiles',
    url: 'https://github.com/stacklok/toolhive/blob/main/docs/arch/05-runconfig-and-permissions.md',
  },
  toolhiveUntrusted: {
    title: 'ToolHive operator: Untrusted mode guide (egress NetworkPolicy from the permission profile)',
    url: 'https://github.com/stacklok/toolhive/blob/main/docs/operator/untrusted-mode.md',
  },
  kagentAgent: {
    title: 'kagent: Agent API (agent_types.go)',
    url: 'https://github.com/kagent-dev/kagent/blob/main/go/api/v1alpha2/agent_types.go',
  },
  networkPolicies: {
    title: 'Kubernetes: Network Policies',
    url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  },
} as const satisfies Record<string, RuleSource>;

// --- Targets ---------------------------------------------------------------------------------------------------

export type AgentRole = 'mcp-server' | 'agent';

export type AgentSource =
  'workload' | 'toolhive-mcpserver' | 'toolhive-vmcp' | 'kagent-mcpserver' | 'kagent-agent';

/** A command line the target starts: a container of its pod, or the command of a custom resource. */
export interface Launch {
  /** `Container "app"`, `MCPServer "github" (spec.deployment)`. */
  label: string;
  container?: ContainerView;
  image?: { value: string; path: Path };
  words: Word[];
}

/** An MCP server or agent found in the scan, with what the rules need to judge it. */
export interface AgentTarget {
  resource: Resource;
  role: AgentRole;
  source: AgentSource;
  /** Why it counts as one, for messages: `ToolHive MCPServer`, `label app.kubernetes.io/component=mcp-server`, … */
  evidence: string;
  /** The pod template, when the object carries one (built-in workloads, ToolHive `podTemplateSpec`). */
  workload?: Workload;
  /** Where findings about the pods as a whole point when no finer field exists. */
  anchor: Path;
  launches: Launch[];
  /** Labels of its pods; undefined when an operator makes the pods and their labels are not in the manifest. */
  podLabels?: Labels;
}

/** `MCP server`, `agent`. */
function roleNoun(role: AgentRole): string {
  return role === 'mcp-server' ? 'MCP server' : 'agent';
}

/** `MCP server Deployment "web" (image "ghcr.io/github/github-mcp-server")`. */
export function describeTarget(target: AgentTarget): string {
  const what = `${roleNoun(target.role)} ${objectLabel(target.resource)}`;
  return target.source === 'workload' ? `${what} (${target.evidence})` : what;
}

const LLM_KEY_VARIABLES: ReadonlySet<string> = new Set([
  'OPENAI_API_KEY',
  'AZURE_OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'GEMINI_API_KEY',
  'GOOGLE_GENAI_API_KEY',
  'MISTRAL_API_KEY',
  'GROQ_API_KEY',
  'COHERE_API_KEY',
  'OPENROUTER_API_KEY',
  'DEEPSEEK_API_KEY',
  'XAI_API_KEY',
  'TOGETHER_API_KEY',
  'FIREWORKS_API_KEY',
]);

const COMPONENT_LABEL = 'app.kubernetes.io/component';

const DOCKER_HUB = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/**
 * True for an MCP server image: Docker Hub's `mcp/` namespace, a `modelcontextprotocol` organisation, or an
 * image name (last path segment) with an `mcp` component (`github-mcp-server`, `mcp-server-kubernetes`,
 * `playwright-mcp`). Words that merely contain the letters (`mcpe-server`, `webmcp`) do not count, nor does a
 * registry host or an organisation named like that.
 */
export function isMcpImage(image: string): boolean {
  const ref = parseImageRef(image);
  if (ref.templated) return false;
  const segments = ref.repository.toLowerCase().split('/');
  if (DOCKER_HUB.has(ref.registry) && segments[0] === 'mcp' && segments.length === 2) return true;
  if (segments.slice(0, -1).some((s) => s === 'modelcontextprotocol')) return true;
  return /(^|[-_.])mcp([-_.]|$)/.test(segments[segments.length - 1] ?? '');
}

function containerWords(container: ContainerView): Word[] {
  const words: Word[] = [];
  for (const field of ['command', 'args'] as const) {
    asArray(container.spec[field]).forEach((value, i) => {
      if (typeof value === 'string') words.push({ text: value, path: [...container.path, field, i] });
    });
  }
  return words;
}

function containerLaunch(container: ContainerView): Launch {
  const image = asString(container.spec.image);
  return {
    label: containerLabel(container),
    container,
    ...(image !== undefined && { image: { value: image, path: [...container.path, 'image'] } }),
    words: containerWords(container),
  };
}

/** The MCP package a launch fetches at start-up (npx, uvx, …), if any. */
function mcpPackage(launch: Launch): string | undefined {
  return packageRuns(launch.words).find((run) => isMcpPackageName(run.name))?.spec;
}

function workloadIdentity(resource: Resource, workload: Workload, launches: Launch[]) {
  const running = launches.filter((l) => l.container?.type !== 'ephemeralContainer');
  const image = running.find((l) => l.image && isMcpImage(l.image.value))?.image?.value;
  const pkg = running.map(mcpPackage).find((p) => p !== undefined);
  const component =
    labelsOf(workload.podMetadata)[COMPONENT_LABEL] ?? labelsOf(resource.metadata)[COMPONENT_LABEL];
  if (component === 'mcp-server')
    return { role: 'mcp-server' as const, evidence: `label ${COMPONENT_LABEL}=mcp-server` };
  const llmKey = running
    .flatMap((l) => asArray(l.container?.spec.env))
    .map((e) => asString(asObject(e)?.name))
    .find((name) => name !== undefined && LLM_KEY_VARIABLES.has(name));
  if (component === 'agent' && (llmKey || image || pkg)) {
    return { role: 'agent' as const, evidence: `label ${COMPONENT_LABEL}=agent` };
  }
  if (image) return { role: 'mcp-server' as const, evidence: `image "${image}"` };
  if (pkg) return { role: 'mcp-server' as const, evidence: `runs MCP package "${pkg}"` };
  return undefined;
}

function stringWords(value: unknown, path: Path): Word[] {
  return typeof value === 'string' ? [{ text: value, path }] : [];
}

function listWords(value: unknown, path: Path): Word[] {
  return asArray(value).flatMap((v, i) => stringWords(v, [...path, i]));
}

/** The kagent deployment object of an Agent (`declarative` or `byo`), with its path. */
export function kagentDeployment(resource: Resource): { spec: JsonObject; path: Path } | undefined {
  const spec = asObject(resource.object.spec);
  for (const flavour of ['byo', 'declarative'] as const) {
    const deployment = asObject(asObject(spec?.[flavour])?.deployment);
    if (deployment) return { spec: deployment, path: ['spec', flavour, 'deployment'] };
  }
  return undefined;
}

function customTarget(resource: Resource): AgentTarget | undefined {
  const group = apiGroup(resource.apiVersion);
  const spec = asObject(resource.object.spec) ?? {};
  const noun = objectLabel(resource);
  if (group === TOOLHIVE_GROUP && (resource.kind === 'MCPServer' || resource.kind === 'VirtualMCPServer')) {
    const workload = resource.workload ?? templateWorkload(resource, ['spec', 'podTemplateSpec']);
    const launches: Launch[] = [];
    if (resource.kind === 'MCPServer') {
      const image = asString(spec.image);
      launches.push({
        label: `${noun} (spec)`,
        ...(image !== undefined && { image: { value: image, path: ['spec', 'image'] } }),
        words: listWords(spec.args, ['spec', 'args']),
      });
    }
    if (workload) launches.push(...workload.containers.map(containerLaunch));
    const vmcp = resource.kind === 'VirtualMCPServer';
    return {
      resource,
      role: 'mcp-server',
      source: vmcp ? 'toolhive-vmcp' : 'toolhive-mcpserver',
      evidence: vmcp ? 'ToolHive VirtualMCPServer' : 'ToolHive MCPServer',
      ...(workload && { workload }),
      anchor: workload ? workload.podSpecPath : ['spec'],
      launches,
    };
  }
  if (group !== KAGENT_GROUP) return undefined;
  if (resource.kind === 'MCPServer') {
    const deployment = asObject(spec.deployment) ?? {};
    const base: Path = ['spec', 'deployment'];
    const image = asString(deployment.image);
    return {
      resource,
      role: 'mcp-server',
      source: 'kagent-mcpserver',
      evidence: 'kagent MCPServer',
      anchor: asObject(spec.deployment) ? base : ['spec'],
      launches: [
        {
          label: `${noun} (spec.deployment)`,
          ...(image !== undefined && { image: { value: image, path: [...base, 'image'] } }),
          words: [
            ...stringWords(deployment.cmd, [...base, 'cmd']),
            ...listWords(deployment.args, [...base, 'args']),
          ],
        },
      ],
    };
  }
  if (resource.kind === 'Agent') {
    const deployment = kagentDeployment(resource);
    const launches: Launch[] = [];
    if (deployment) {
      const image = asString(deployment.spec.image);
      launches.push({
        label: `${noun} (${deployment.path.join('.')})`,
        ...(image !== undefined && { image: { value: image, path: [...deployment.path, 'image'] } }),
        words: [
          ...stringWords(deployment.spec.cmd, [...deployment.path, 'cmd']),
          ...listWords(deployment.spec.args, [...deployment.path, 'args']),
        ],
      });
    }
    return {
      resource,
      role: 'agent',
      source: 'kagent-agent',
      evidence: 'kagent Agent',
      anchor: deployment?.path ?? ['spec'],
      launches,
    };
  }
  return undefined;
}

const targetCache = new WeakMap<Resource, { target: AgentTarget | undefined }>();

/** Whether a resource is an MCP server or agent, and how it runs (cached: several AI rules ask for each resource). */
export function agentTargetOf(resource: Resource): AgentTarget | undefined {
  let cached = targetCache.get(resource);
  if (!cached) {
    cached = { target: recogniseAgentTarget(resource) };
    targetCache.set(resource, cached);
  }
  return cached.target;
}

/** The MCP server or agent a resource is, or undefined when it is neither. */
function recogniseAgentTarget(resource: Resource): AgentTarget | undefined {
  const custom = customTarget(resource);
  if (custom) return custom;
  const workload = resource.workload;
  if (!workload) return undefined;
  const launches = workload.containers.map(containerLaunch);
  const identity = workloadIdentity(resource, workload, launches);
  if (!identity) return undefined;
  return {
    resource,
    ...identity,
    source: 'workload',
    workload,
    anchor: workload.podSpecPath,
    launches,
    podLabels: labelsOf(workload.podMetadata),
  };
}

/** Every MCP server and agent of the scan in a namespace (undefined: the unspecified namespace). */
export function agentTargetsIn(index: ResourceIndex, namespace: string | undefined): readonly AgentTarget[] {
  // Once per namespace: every Service and Ingress of the namespace asks the same question.
  return index.derived(`agent-targets\u0000${namespace ?? '\u0001'}`, () => {
    const out: AgentTarget[] = [];
    for (const resource of index.compatibleWith(namespace)) {
      if ((resource.namespace ?? '') !== (namespace ?? '')) continue;
      const target = agentTargetOf(resource);
      if (target) out.push(target);
    }
    return out;
  });
}

/** `"a", "b" and "c"` (the AI rules' messages share the RBAC rules' wording). */
export { listText } from '../rbac/common.js';
