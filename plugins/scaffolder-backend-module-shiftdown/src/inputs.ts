import { MINIMUM_GRADES, PROFILES, SEVERITIES } from '@shiftdown/policy-core';
import type { MinimumGrade, ProfileName, Severity } from '@shiftdown/policy-core';

/** `failOn`: a severity, or `none` to never fail on findings. */
export type FailOn = Severity | 'none';
export type SchemaValidation = 'embedded' | 'off';

/** The inputs of `shiftdown:check` as a template step gives them (the scaffolder applies no defaults). */
export interface CheckInput {
  path?: string;
  profile?: ProfileName;
  failOn?: FailOn;
  minScore?: number;
  minGrade?: MinimumGrade;
  schemaValidation?: SchemaValidation;
  pssVersion?: string;
  kubernetesVersion?: string;
  reportPath?: string;
}

export const DEFAULT_PATH = '.';
export const DEFAULT_FAIL_ON: FailOn = 'high';
export const DEFAULT_REPORT_PATH = '.shiftdown/report.json';

export const PROFILE_NAMES = [...PROFILES] as [ProfileName, ...ProfileName[]];
export const FAIL_ON_VALUES = [...SEVERITIES, 'none'] as [FailOn, ...FailOn[]];
/** Best first: A+, A, A-, B+ … D-, E, F (the core's minimums; E accepts all but F). */
export const MINIMUM_GRADE_VALUES = [...MINIMUM_GRADES] as [MinimumGrade, ...MinimumGrade[]];
export const SCHEMA_VALIDATION_VALUES: [SchemaValidation, ...SchemaValidation[]] = ['embedded', 'off'];
