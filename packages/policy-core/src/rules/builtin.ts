import type { RuleMeta } from '../types.js';

/**
 * Findings the engine itself reports about its input (not about policy). They have rule metadata
 * like any rule so that they can be configured, suppressed, documented and shown in SARIF.
 */
export const PARSE_ERROR: RuleMeta = {
  id: 'parse-error',
  title: 'File or document cannot be parsed',
  severity: 'high',
  category: 'validity',
  description:
    'A file is not valid YAML/JSON, a document in it cannot be decoded, or a List item is not a Kubernetes object.',
  rationale:
    'The API server rejects a manifest it cannot decode, so the change would fail to apply; and nothing in a ' +
    'document that cannot be read can be checked for policy.',
  sources: [{ title: 'YAML 1.2 specification', url: 'https://yaml.org/spec/1.2.2/' }],
  remediation: 'Fix the syntax at the reported line (indentation, unclosed brackets or quotes, tabs).',
  tags: ['validity'],
};

export const DUPLICATE_KEY: RuleMeta = {
  id: 'duplicate-key',
  title: 'Duplicate mapping key',
  severity: 'high',
  category: 'validity',
  description: 'A YAML mapping defines the same key twice.',
  rationale:
    'kubectl and the API server reject duplicate keys ("mapping key already defined"), and tools that accept them ' +
    'silently keep only one value, so what is reviewed is not what runs.',
  sources: [{ title: 'YAML 1.2: mapping keys must be unique', url: 'https://yaml.org/spec/1.2.2/#mapping' }],
  remediation: 'Remove or merge the repeated key.',
  tags: ['validity'],
};

export const SCORE_K8S_STATE_COMMITTED: RuleMeta = {
  id: 'score-k8s-state-committed',
  title: 'score-k8s state directory in the scanned files',
  severity: 'high',
  category: 'identity',
  description:
    'A scanned file lies inside a `.score-k8s/` directory (e.g. `.score-k8s/state.yaml`): the local state that ' +
    '`score-k8s init` and `score-k8s generate` write. One finding per file, at its first line, whatever the ' +
    'file contains. When the directory is git-ignored and only present in a local working copy, exclude it from ' +
    'the scan (`exclude: [".score-k8s"]` in the config) instead.',
  rationale:
    'score-k8s keeps the state it generates manifests from in `.score-k8s/`, such as the outputs of resource ' +
    'provisioners (connection details, generated passwords). Its own help text says the directory contains ' +
    '"potentially sensitive data and raw secrets, so this should not be checked into generic source control". ' +
    'Once committed, those secrets are in every clone and in the Git history until they are rotated (MITRE ' +
    'ATT&CK T1552.001, Unsecured Credentials: Credentials In Files).',
  sources: [
    {
      title: 'score-k8s reference implementation (init command)',
      url: 'https://github.com/score-spec/score-k8s',
    },
    {
      title: 'score-k8s CLI reference',
      url: 'https://docs.score.dev/docs/score-implementation/score-k8s/',
    },
  ],
  remediation:
    'Remove the directory from version control, ignore it, and rotate any secret it held:\n\n' +
    '```sh\ngit rm -r --cached .score-k8s\necho ".score-k8s/" >> .gitignore\n```',
  tags: ['score', 'platform', 'secrets'],
};

export const UNKNOWN_SUPPRESSION: RuleMeta = {
  id: 'unknown-suppression',
  title: 'Suppression names an unknown rule',
  severity: 'low',
  category: 'validity',
  description:
    'An `ignore.shiftdown.dev/<rule-id>` annotation or a config exemption names a rule that does not exist.',
  rationale:
    'A misspelt suppression silently suppresses nothing; reviewers believe a finding is accepted when it is not.',
  sources: [{ title: 'Shiftdown suppressions', url: 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/suppressions.md' }],
  remediation: 'Correct the rule id (see `shiftdown rules`) or remove the annotation.',
  tags: ['suppression'],
};

export const EXPIRED_EXEMPTION: RuleMeta = {
  id: 'expired-exemption',
  title: 'Exemption has expired',
  severity: 'info',
  category: 'validity',
  description: 'A config-file exemption has an `expires` date in the past; it no longer suppresses anything.',
  rationale: 'Exemptions are temporary by design: an expired one means the accepted risk needs a new decision.',
  sources: [{ title: 'Shiftdown configuration', url: 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/configuration.md' }],
  remediation: 'Fix the underlying findings, or renew the exemption with a new reason and date.',
  tags: ['suppression'],
};

export const RULE_ERROR: RuleMeta = {
  id: 'rule-error',
  title: 'A rule failed on this resource',
  severity: 'info',
  category: 'validity',
  description: 'A rule threw an unexpected error while checking a resource. The scan went on.',
  rationale: 'A check that could not run is not a pass; this makes the gap visible instead of silent.',
  sources: [{ title: 'Shiftdown issues', url: 'https://github.com/shiftdown-dev/shiftdown/issues' }],
  remediation: 'Report the resource and message to the Shiftdown maintainers.',
  tags: ['validity'],
};

export const BUILTIN_RULES: readonly RuleMeta[] = [
  PARSE_ERROR,
  DUPLICATE_KEY,
  SCORE_K8S_STATE_COMMITTED,
  UNKNOWN_SUPPRESSION,
  EXPIRED_EXEMPTION,
  RULE_ERROR,
];
