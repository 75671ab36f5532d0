import type { Finding, InputError, RuleMeta, Severity } from '../types.js';
import type { RuleSetting } from '../config/types.js';
import type { DuplicateKey } from '../parse/parse-file.js';
import { DUPLICATE_KEY, PARSE_ERROR, SCORE_K8S_STATE_COMMITTED } from '../rules/builtin.js';
import { configuredSeverity } from '../rules/registry.js';
import { fnv1a64 } from '../util/hash.js';

interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A finding about a file rather than a resource (parse errors, duplicate keys, rule crashes). */
export function fileFinding(
  meta: RuleMeta,
  severity: Severity,
  file: string,
  at: Position,
  message: string,
  key: string = message,
): Finding {
  return {
    ruleId: meta.id,
    severity,
    category: meta.category,
    message,
    file,
    line: at.line,
    column: at.column,
    endLine: at.endLine ?? at.line,
    endColumn: at.endColumn ?? at.column,
    resource: { kind: 'File', name: file },
    fingerprint: fnv1a64([meta.id, file, key].join('\u0000')),
  };
}

/** Rules checked once per file rather than per resource. */
export const FILE_RULES: readonly RuleMeta[] = [PARSE_ERROR, DUPLICATE_KEY, SCORE_K8S_STATE_COMMITTED];

/** File-level subjects of the score (resources are subjects by their numeric id). */
export function fileSubject(path: string): string {
  return `file:${path}`;
}

export interface FileEvaluation {
  subject: string;
  ruleId: string;
}

/** True when a scanned path lies inside a score-k8s state directory (`.score-k8s/`). */
export function isScoreK8sState(path: string): boolean {
  const segments = path.replace(/\\/g, '/').split('/');
  return segments.slice(0, -1).includes('.score-k8s');
}

/**
 * The file-level rules on one file: parse errors, duplicate keys and score-k8s state files, unless the
 * config turns them off.
 */
export function checkFile(
  path: string,
  errors: readonly InputError[],
  duplicateKeys: readonly DuplicateKey[],
  overrides?: Readonly<Record<string, RuleSetting>>,
): { findings: Finding[]; evaluations: FileEvaluation[] } {
  const findings: Finding[] = [];
  const evaluations: FileEvaluation[] = [];
  const parseError = configuredSeverity(PARSE_ERROR, overrides);
  if (parseError) {
    evaluations.push({ subject: fileSubject(path), ruleId: PARSE_ERROR.id });
    for (const error of errors) findings.push(fileFinding(PARSE_ERROR, parseError, path, error, error.message));
  }
  const duplicateKey = configuredSeverity(DUPLICATE_KEY, overrides);
  if (duplicateKey) {
    evaluations.push({ subject: fileSubject(path), ruleId: DUPLICATE_KEY.id });
    for (const dup of duplicateKeys) {
      findings.push(
        fileFinding(
          DUPLICATE_KEY,
          duplicateKey,
          path,
          dup,
          `Key "${dup.key}" is defined more than once in this mapping; only the last value is kept.`,
          `${dup.documentIndex}:${dup.key}:${dup.line}`,
        ),
      );
    }
  }
  const scoreState = configuredSeverity(SCORE_K8S_STATE_COMMITTED, overrides);
  // Evaluated on state files only, so that the rule does not raise the score of every other scan.
  if (scoreState && isScoreK8sState(path)) {
    evaluations.push({ subject: fileSubject(path), ruleId: SCORE_K8S_STATE_COMMITTED.id });
    findings.push(
      fileFinding(
        SCORE_K8S_STATE_COMMITTED,
        scoreState,
        path,
        { line: 1, column: 1 },
        `${path} is score-k8s local state: the .score-k8s directory holds potentially sensitive data and raw ` +
          'secrets and should not be committed.',
        'score-k8s-state',
      ),
    );
  }
  return { findings, evaluations };
}
