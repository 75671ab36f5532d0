import type { Path } from '../../types.js';
import { isTemplatedText } from '../../model/image.js';
import { asString } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { DEFAULT_SANDBOX_RUNTIME_CLASSES, isSandboxRuntimeClass, tenancyOf } from '../shared/context.js';
import { AGENT_KINDS, AI_TAG, SOURCES, agentTargetOf, describeTarget } from './common.js';

function templated(value: unknown): boolean {
  return typeof value === 'string' && isTemplatedText(value);
}

/** AI-002: an MCP server or agent that shares the node kernel with host user ids. */
export default defineRule({
  meta: {
    id: 'ai-agent-not-sandboxed',
    title: 'MCP server or agent not sandboxed',
    severity: 'medium',
    category: 'isolation',
    description:
      'An MCP server or AI agent (recognised as in `ai-agent-egress-unrestricted`) runs neither with a sandbox ' +
      `runtime class (\`spec.runtimeClassName\` in config \`sandboxRuntimeClasses\`, default ` +
      `${DEFAULT_SANDBOX_RUNTIME_CLASSES.join(', ')}) nor in its own user namespace (\`spec.hostUsers: false\`). ` +
      'Built-in workloads are judged on their pod template; ToolHive `MCPServer`s on `spec.podTemplateSpec.spec`, ' +
      'which the operator applies to the MCP server pod (reported at `spec` when there is no template). ToolHive ' +
      '`VirtualMCPServer` (an aggregating gateway that runs no tool code) and kagent `Agent`/`MCPServer` (their API ' +
      'has no runtime class or hostUsers field) are not checked. Windows pods, templated values and namespaces of ' +
      'tenancy `untrusted` (reported by `untrusted-workload-not-sandboxed`) are skipped.',
    rationale:
      'MCP servers and agents execute actions chosen by a language model from untrusted input, and many run code ' +
      'fetched at start-up: one prompt injection or poisoned package gives an attacker code execution in the pod ' +
      '(OWASP Agentic Top 10 ASI05 Unexpected Code Execution, ASI10 Rogue Agents). In an ordinary container that ' +
      'code shares the node kernel, so a single kernel or runtime bug (CVE-2022-0185, CVE-2024-21626 "Leaky ' +
      'Vessels") turns it into node root and access to every other pod on the node (MITRE ATT&CK T1611, Escape to ' +
      'Host). gVisor or Kata Containers put a second kernel boundary around the agent; a user namespace at least ' +
      'makes root in the container an unprivileged user on the node.',
    sources: [
      SOURCES.owaspAgentic,
      {
        title: 'Kubernetes: Runtime Class',
        url: 'https://kubernetes.io/docs/concepts/containers/runtime-class/',
      },
      {
        title: 'Kubernetes: User Namespaces',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/',
      },
      {
        title: 'Kubernetes: Multi-tenancy, sandboxing containers',
        url: 'https://kubernetes.io/docs/concepts/security/multi-tenancy/#sandboxing-containers',
      },
    ],
    remediation:
      'Run agents and MCP servers in a sandbox runtime, or at least in their own user namespace (Kubernetes 1.33+ ' +
      'with a supporting runtime):\n\n' +
      '```yaml\nspec:\n  template:\n    spec:\n      runtimeClassName: gvisor   # or kata\n      hostUsers: false\n```\n\n' +
      'For a ToolHive MCPServer, set the same fields in `spec.podTemplateSpec.spec`.',
    tags: [AI_TAG, 'user-namespaces', 'sandbox', 'container-escape'],
  },
  match: { kinds: AGENT_KINDS },
  crossResource: true,
  check({ resource, settings, index, report }) {
    const target = agentTargetOf(resource);
    if (!target || (target.source !== 'workload' && target.source !== 'toolhive-mcpserver')) return;
    if (tenancyOf(resource.namespace, settings, index) === 'untrusted') return;
    const workload = target.workload;
    if (workload?.isWindows) return;
    const podSpec = workload?.podSpec ?? {};
    const { runtimeClassName, hostUsers } = podSpec;
    if (hostUsers === false || templated(hostUsers) || templated(runtimeClassName)) return;
    const runtimeClass = asString(runtimeClassName);
    if (isSandboxRuntimeClass(runtimeClass, settings)) return;
    const runtime = runtimeClass
      ? `runtime class "${runtimeClass}", which is not a sandbox,`
      : 'the default runtime';
    const path: Path = workload
      ? [...workload.podSpecPath, ...(runtimeClass ? ['runtimeClassName'] : [])]
      : target.anchor;
    report({
      message:
        `The ${describeTarget(target)} runs with ${runtime} and without hostUsers: false, so code it is tricked ` +
        'into running shares the node kernel with host user ids.',
      path,
    });
  },
});
