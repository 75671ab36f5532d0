import { MINIMUM_GRADES, PROFILES, SEVERITIES, parseKubernetesVersion } from '@shiftdown/policy-core';
import type { ProfileName, Severity } from '@shiftdown/policy-core';
import { FILTER_MODES } from '../diff/index.js';
import type { ActionInputs, FilterMode, ReporterName } from '../types.js';

export const DEFAULT_PATHS = ['**/*.yaml', '**/*.yml', '**/*.json'];
export const REPORTER_NAMES: readonly ReporterName[] = [
  'check',
  'review',
  'comment',
  'annotations',
  'summary',
  'sarif',
];
const FAIL_ON: readonly (Severity | 'none')[] = [...SEVERITIES, 'none'];
// The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export class InputError extends Error {}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`invalid input ${name}: "${value}" (allowed: ${allowed.join(', ')})`);
}

/** Items of a comma- or newline-separated list, trimmed, without empties. */
function list(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/**
 * The Action's inputs from `get` (kebab-case names as in action.yml; '' when unset, as
 * `core.getInput` returns). Throws an InputError naming the input and the allowed values.
 */
export function parseInputs(get: (name: string) => string): ActionInputs {
  const read = (name: string): string => get(name).trim();

  // One glob per line: globs may contain commas (`{a,b}`) and, rarely, spaces.
  const paths = list(read('paths'), /\r?\n/);
  const filterMode = oneOf<FilterMode>('filter-mode', read('filter-mode') || 'added', FILTER_MODES);
  const reporterItems = list(read('reporters'), /[,\r\n]/);
  const reporters = [...new Set(reporterItems.map((item) => oneOf('reporters', item, REPORTER_NAMES)))];
  const failOn = oneOf('fail-on', read('fail-on') || 'high', FAIL_ON);

  const minScoreText = read('min-score');
  let minScore: number | undefined;
  if (minScoreText !== '') {
    minScore = Number(minScoreText);
    if (!/^\d+(\.\d+)?$/.test(minScoreText) || minScore > 100) {
      throw new InputError(`invalid input min-score: "${minScoreText}" (allowed: a number from 0 to 100)`);
    }
  }
  const minGradeText = read('min-grade');
  const minGrade = minGradeText === '' ? undefined : oneOf('min-grade', minGradeText, MINIMUM_GRADES);

  const softFailText = read('soft-fail');
  if (softFailText !== '' && !TRUE.includes(softFailText) && !FALSE.includes(softFailText)) {
    throw new InputError(`invalid input soft-fail: "${softFailText}" (allowed: true, false)`);
  }
  const profileText = read('profile');
  const profile = profileText === '' ? undefined : oneOf<ProfileName>('profile', profileText, PROFILES);

  const kubernetesVersion = optional(read('kubernetes-version'));
  if (kubernetesVersion !== undefined && !parseKubernetesVersion(kubernetesVersion)) {
    throw new InputError(
      `invalid input kubernetes-version: "${kubernetesVersion}" (allowed: 1.N, e.g. 1.33)`,
    );
  }
  const kubeconformVersion = optional(read('kubeconform-version'));
  if (kubeconformVersion !== undefined && !/^v?\d+\.\d+\.\d+$/.test(kubeconformVersion)) {
    throw new InputError(
      `invalid input kubeconform-version: "${kubeconformVersion}" (allowed: a release version, e.g. v0.7.0)`,
    );
  }

  const inputs: ActionInputs = {
    paths: paths.length > 0 ? paths : [...DEFAULT_PATHS],
    filterMode,
    failOn,
    softFail: TRUE.includes(softFailText),
    sarifFile: read('sarif-file') || 'shiftdown.sarif',
    reportFile: read('report-file') || 'shiftdown-report.json',
  };
  if (reporters.length > 0) inputs.reporters = reporters;
  if (minScore !== undefined) inputs.minScore = minScore;
  if (minGrade !== undefined) inputs.minGrade = minGrade;
  const baseline = optional(read('baseline'));
  if (baseline !== undefined) inputs.baseline = baseline;
  const config = optional(read('config'));
  if (config !== undefined) inputs.config = config;
  if (profile !== undefined) inputs.profile = profile;
  if (kubernetesVersion !== undefined) inputs.kubernetesVersion = kubernetesVersion;
  if (kubeconformVersion !== undefined) inputs.kubeconformVersion = kubeconformVersion;
  // One glob per line, like `paths`: Backstage software templates to render and check.
  const templates = list(read('templates'), /\r?\n/);
  if (templates.length > 0) inputs.templates = templates;
  const templateValues = optional(read('template-values'));
  if (templateValues !== undefined) inputs.templateValues = templateValues;
  const token = optional(read('github-token'));
  if (token !== undefined) inputs.token = token;
  return inputs;
}
