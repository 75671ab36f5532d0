import type { Rule } from '../rule.js';
import aiAgentEgressUnrestricted from './ai-agent-egress-unrestricted.js';
import aiAgentNotSandboxed from './ai-agent-not-sandboxed.js';
import aiAgentOverPrivileged from './ai-agent-over-privileged.js';
import aiAgentTokenAutomount from './ai-agent-token-automount.js';
import toolhiveNetworkPermission from './toolhive-network-permission.js';
import mcpEndpointUnauthenticated from './mcp-endpoint-unauthenticated.js';
import agentMemoryStoreUnprotected from './agent-memory-store-unprotected.js';
import mcpUnpinnedPackage from './mcp-unpinned-package.js';

/** The ai rules, in documentation order (RULES.md Part F, AI-001 … AI-008). */
export const AI_RULES: readonly Rule[] = [
  aiAgentEgressUnrestricted,
  aiAgentNotSandboxed,
  aiAgentOverPrivileged,
  aiAgentTokenAutomount,
  toolhiveNetworkPermission,
  mcpEndpointUnauthenticated,
  agentMemoryStoreUnprotected,
  mcpUnpinnedPackage,
];
