import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { SCORE_MATCH, SCORE_SCHEMA, SCORE_TAGS, mountLabel, scoreContainers, scoreMounts } from './common.js';

/** The permission bits of a Score file `mode` (`"0644"`, `"600"`), or undefined when it is not an octal mode. */
export function fileModeBits(mode: unknown): number | undefined {
  if (typeof mode !== 'string') return undefined;
  const match = /^0?([0-7]{3})$/.exec(mode.trim());
  return match ? parseInt(match[1] as string, 8) : undefined;
}

/** Score files any user of the container may modify (IDP-004). */
export default defineRule({
  meta: {
    id: 'score-file-mode-world-writable',
    title: 'Score file mounted world-writable',
    severity: 'medium',
    category: 'isolation',
    description:
      'A file of a Score container (`files`, mapping or list form) has a `mode` that grants write permission to ' +
      'others (the 0o002 bit: `"0666"`, `"0777"`, `"0646"`, …). Files without `mode` (the implementation default), ' +
      'and modes that are not quoted octal strings (reported by `score-schema-invalid`), are not reported. One ' +
      'finding per file.',
    rationale:
      'Files from `files` usually hold configuration the workload trusts: start-up scripts, proxy or TLS settings, ' +
      'feature flags. A world-writable file can be rewritten by any process in the container, whatever user it runs ' +
      'as, so a foothold in a low-privilege helper process becomes a change to the main process configuration or ' +
      'code (CWE-732, Incorrect Permission Assignment for Critical Resource).',
    sources: [
      SCORE_SCHEMA,
      {
        title: 'CWE-732: Incorrect Permission Assignment for Critical Resource',
        url: 'https://cwe.mitre.org/data/definitions/732.html',
      },
    ],
    remediation:
      'Use a mode without the write bit for others, read-only when the workload does not write the file:\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2\n    files:\n      /etc/web/config.yaml:\n' +
      '        mode: "0444"\n        source: ./config.yaml\n```',
    tags: [...SCORE_TAGS, 'file-permissions'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const container of scoreContainers(resource)) {
      for (const mount of scoreMounts(container, 'files')) {
        const bits = fileModeBits(mount.entry.mode);
        if (bits === undefined || (bits & 0o002) === 0) continue;
        report({
          message:
            `${containerLabel(container.view)} mounts ${mountLabel(mount, 'file')} with mode ` +
            `"${String(mount.entry.mode)}", writable by every user in the container: any process can rewrite it.`,
          path: [...mount.path, 'mode'],
          container: container.view,
          key: mount.target ?? String(mount.path[mount.path.length - 1]),
        });
      }
    }
  },
});
