import { InvalidArgumentError, Option, type Command } from 'commander';
import { PROFILES, REPORT_FORMATS, SEVERITIES } from '@shiftdown/policy-core';
import type { ProfileName, ReportFormat } from '@shiftdown/policy-core';
import type { FailOn } from '../exit-status.js';

export const FAIL_ON_CHOICES: readonly string[] = [...SEVERITIES, 'none'];

/** `--min-score`: a number from 0 to 100. */
export function parseMinScore(value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new InvalidArgumentError('must be a number from 0 to 100.');
  }
  return score;
}

/** The options every command that produces a report has, as commander parses them. */
export interface ReportFlags {
  format: ReportFormat;
  output?: string;
  profile?: ProfileName;
  pssVersion?: string;
  kubernetesVersion?: string;
  /** A file, `false` for --no-config, undefined to discover. */
  config?: string | false;
  failOn?: FailOn;
  minScore?: number;
  showSuppressed?: boolean;
  color?: boolean;
}

/** Adds the report, rule-set, config and gate options (`scan` and `template check` share them). */
export function addReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (nothing but errors is printed)')
    .addOption(new Option('-p, --profile <profile>', 'rule set (default: config, else recommended)').choices(PROFILES))
    .option('--pss-version <version>', 'Pod Security Standards version: v1.N or latest')
    .option('--kubernetes-version <version>', 'target Kubernetes version: 1.N')
    .option('-c, --config <file>', 'config file (default: .shiftdown.yaml found upward from the first path)')
    .option('--no-config', 'do not look for a config file')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when an unsuppressed finding is at or above this severity (default: config, else high)').choices(
        FAIL_ON_CHOICES,
      ),
    )
    .option('--min-score <n>', 'exit 1 when the score is below n (0-100)', parseMinScore)
    .option('--show-suppressed', 'list suppressed findings in the text report')
    .option('--color', 'colour the text report (default: only on a terminal without NO_COLOR)')
    .option('--no-color', 'never colour the text report');
}

/** Commander reducer for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
