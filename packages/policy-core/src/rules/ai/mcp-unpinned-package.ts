import { defineRule } from '../rule.js';
import { AGENT_KINDS, AI_TAG, SOURCES, agentTargetOf, describeTarget } from './common.js';
import { packageRuns, protocolImageRun, registryName, type PackageRun } from './packages.js';

function message(who: string, run: PackageRun): string {
  const command = run.launcher.endsWith('://') ? `${run.launcher}${run.spec}` : `${run.launcher} ${run.spec}`;
  return (
    `${who} fetches "${command}" without an exact version, so ${registryName(run.ecosystem)} decides at every ` +
    `start which code of "${run.name}" runs, a new or hijacked release included, with its credentials.`
  );
}

/** AI-008: MCP code fetched from a registry at start-up without a pinned version. */
export default defineRule({
  meta: {
    id: 'mcp-unpinned-package',
    title: 'MCP server runs an unpinned package fetched at start-up',
    severity: 'medium',
    category: 'supply-chain',
    description:
      'A container of an MCP server or AI agent (recognised as in `ai-agent-egress-unrestricted`), a kagent ' +
      '`MCPServer`/`Agent` (`cmd` and `args`) or a ToolHive `MCPServer` (`spec.args`, and a protocol-scheme ' +
      '`spec.image` such as `npx://pkg`, `uvx://pkg` or `go://module`) starts a registry package without an exact ' +
      'version: `npx`, `bunx`, `pnpm dlx`, `yarn dlx`, `npm exec` and `npm install` need `name@1.2.3` (`latest`, ' +
      'ranges and tags count as unpinned; `-y`/`--yes` and other flags are skipped, `-p`/`--package` specs are ' +
      'checked instead of the command); `uvx`, `uv tool run`, `pipx run`, `pip install` and `uv pip install` need ' +
      '`name==1.2.3` (or uvx\u2019s `name@1.2.3`; `--from`, `--with` and `--spec` are checked; `pip install ' +
      '--require-hashes` is accepted); `go://` needs `@vX.Y.Z`. Command lines are read from `command` and `args`, ' +
      'including `sh -c` scripts; local paths, URLs, git specs, requirement files and templated text are not ' +
      'judged. One finding per package, at the element that names it.',
    rationale:
      '`npx -y @scope/server` and `uvx mcp-server-x` download and execute whatever version the registry serves at ' +
      'each pod start: a compromised maintainer account, a typo-squat or a malicious update runs inside the agent ' +
      'with its tokens and tool access, and two replicas may run different code (OWASP Agentic Top 10 ASI04 ' +
      'Agentic Supply Chain; MITRE ATT&CK T1195.002, Compromise Software Supply Chain). Malicious packages posing ' +
      'as MCP servers have been published to npm; an exact version (better: a prebuilt image pinned by digest) ' +
      'makes the code reviewable and reproducible.',
    sources: [
      SOURCES.owaspAgentic,
      { title: 'npm: npx', url: 'https://docs.npmjs.com/cli/commands/npx' },
      { title: 'uv: Using tools (uvx)', url: 'https://docs.astral.sh/uv/guides/tools/' },
      {
        title: 'pip: Repeatable installs',
        url: 'https://pip.pypa.io/en/stable/topics/repeatable-installs/',
      },
      {
        title: 'MITRE ATT&CK T1195.002: Compromise Software Supply Chain',
        url: 'https://attack.mitre.org/techniques/T1195/002/',
      },
    ],
    remediation:
      'Pin the exact version, or better, build an image with the package installed and pin it by digest:\n\n' +
      '```yaml\ncontainers:\n  - name: github-mcp\n    image: node:22-alpine@sha256:<digest>\n' +
      '    command: [npx, -y, "@modelcontextprotocol/server-github@2025.4.8"]\n  - name: fetch-mcp\n' +
      '    image: ghcr.io/astral-sh/uv:python3.12-alpine\n    command: [uvx, "mcp-server-fetch==2025.4.7"]\n```',
    tags: [AI_TAG, 'supply-chain', 'image-provenance'],
  },
  match: { kinds: AGENT_KINDS },
  check({ resource, report }) {
    const target = agentTargetOf(resource);
    if (!target) return;
    const subject = describeTarget(target);
    for (const launch of target.launches) {
      const runs = packageRuns(launch.words);
      if (target.source === 'toolhive-mcpserver' && !launch.container && launch.image) {
        const scheme = protocolImageRun(launch.image.value, launch.image.path);
        if (scheme) runs.push(scheme);
      }
      for (const run of runs) {
        if (run.pinned) continue;
        report({
          message: message(launch.container ? `${launch.label} of the ${subject}` : `The ${subject}`, run),
          path: run.path,
          ...(launch.container && { container: launch.container }),
          key: run.spec,
        });
      }
    }
  },
});
