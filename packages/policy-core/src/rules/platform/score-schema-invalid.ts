import { defineRule } from '../rule.js';
import { SCORE_MATCH, SCORE_SCHEMA, SCORE_SPEC_REFERENCE, SCORE_TAGS } from './common.js';
import { validateScore } from './score-schema.js';

/** Score files that the Score v1b1 schema rejects (IDP-001). */
export default defineRule({
  meta: {
    id: 'score-schema-invalid',
    title: 'Score file does not match the Score v1b1 schema',
    severity: 'high',
    category: 'validity',
    description:
      'A Score workload file (`apiVersion: score.dev/…`, no `kind`) fails the Score v1b1 JSON Schema: ' +
      '`apiVersion` other than `score.dev/v1b1`; a missing `metadata.name`, or a name, container name, resource ' +
      'name or port name that is not an RFC 1123 label (2–63 characters of a-z, 0-9 and "-"); no `containers`; an ' +
      'unknown key at the top level, in a container, resource, service port, file, volume or probe (with a ' +
      'did-you-mean suggestion); a container without `image`; a file without exactly one of `source`, `content` ' +
      'or `binaryContent`, or whose `mode` is not an octal string such as "0644"; a volume without `source`; ' +
      'an HTTP probe without `port` and `path`; a port outside 1–65535 or a protocol other than TCP/UDP; a memory or ' +
      'CPU quantity in another format; a resource `type` or `class` that is not 2–63 letters, digits and "-"; a ' +
      'value of the wrong type (e.g. an unquoted number for a string). One finding per problem, at the offending ' +
      'key or value. `files` and `volumes` are accepted in the mapping form (key = target path) and in the ' +
      'deprecated list form.',
    rationale:
      'Score implementations (score-k8s, score-compose) validate every Score file against this schema before ' +
      'generating anything, so an invalid file stops the deployment pipeline. Catching it in review also catches ' +
      'typos that would otherwise be silent in YAML, such as `variable:` for `variables:` (the environment would be ' +
      'missing) or `readonly:` for `readOnly:` (the volume would be writable).',
    sources: [SCORE_SCHEMA, SCORE_SPEC_REFERENCE],
    remediation:
      'Fix the reported key or value. A minimal valid Score file:\n\n' +
      '```yaml\napiVersion: score.dev/v1b1\nmetadata:\n  name: web\ncontainers:\n  main:\n' +
      '    image: ghcr.io/acme/web:1.4.2\n    files:\n      /etc/web/config.yaml:\n        mode: "0444"\n' +
      '        content: |\n          port: 8080\nservice:\n  ports:\n    http:\n      port: 80\n      targetPort: 8080\n```',
    tags: [...SCORE_TAGS, 'validity'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const problem of validateScore(resource.object)) {
      report({
        message: `${problem.message}; Score implementations reject this file.`,
        path: problem.path,
        key: problem.message,
      });
    }
  },
});
