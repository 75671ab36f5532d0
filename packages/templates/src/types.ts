import type { Finding, ProfileName, Report, SchemaValidator, ShiftdownConfig } from '@shiftdown/policy-core';

/** A problem that stopped something from being rendered or checked, located in a template or skeleton file. */
export interface TemplateError {
  /** Display path (relative to the working directory, forward slashes). */
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * A file a surface found and read (the CLI walks, filters and reads them as `scan` does; the Action
 * matches its `templates` globs): `checkTemplates` looks for Template documents in it.
 */
export interface TemplateSource {
  /** Display path (relative to `cwd`, forward slashes): how results name the file. */
  path: string;
  /** Absolute path: a step's skeleton `url` resolves against its directory. */
  absolutePath: string;
  text: string;
  /**
   * Named by the user (true) or found under a named directory (false). A named file that holds no
   * template is an error; under a directory, only YAML files mentioning a Template are looked at.
   */
  explicit: boolean;
}

export interface CheckTemplatesOptions {
  /** Skeleton paths in results are relative to this directory (default: the process working directory). */
  cwd?: string;
  /** Parameter values that replace the examples derived from each template's parameter schema. */
  values?: Record<string, unknown>;
  config?: ShiftdownConfig;
  profile?: ProfileName;
  pssVersion?: string;
  kubernetesVersion?: string;
  schemaValidator?: SchemaValidator;
  /** Today as YYYY-MM-DD, for exemption expiry (default: the current UTC date). */
  today?: string;
}

/** The steps that put files into the workspace: templated (`fetch:template*`) or copied (`fetch:plain*`). */
export type StepAction = 'fetch:template' | 'fetch:template:file' | 'fetch:plain' | 'fetch:plain:file';

/** One step that fetches files into the workspace (one per `each` item). */
export interface StepResult {
  /** The step's `id` (or its index in `spec.steps`, `#3`), with the `each` key in brackets. */
  id: string;
  name?: string;
  action: StepAction;
  /** The step's `input.url` as rendered. */
  url: string;
  targetPath?: string;
  status: 'rendered' | 'skipped' | 'failed';
  /** Why the step was skipped (`if` was false with these values). */
  reason?: string;
  /** Files the step wrote into the workspace. */
  files: number;
}

/** One file a step wrote into the workspace. */
export interface RenderedFile {
  /** Display path of the skeleton file it came from. */
  skeleton: string;
  /** Its path in the rendered workspace. */
  rendered: string;
  /** Contents went through the template engine (false: copied, e.g. copyWithoutTemplating or binary). */
  templated: boolean;
  binary: boolean;
  /** Handed to the policy core (a YAML or JSON file). */
  scanned: boolean;
  /** Lines were matched to the skeleton by content, not followed through the template (rare; see docs). */
  approximate: boolean;
}

/** A finding at its skeleton location, with where it was in the rendered output. */
export interface MappedFinding {
  finding: Finding;
  rendered: { file: string; line: number; column: number };
}

export interface TemplateResult {
  /** Display path of the template file. */
  path: string;
  /** 1-based line where the Template document starts in its file. */
  line: number;
  name: string;
  title?: string;
  /** The parameter values the template was rendered with. */
  parameters: Record<string, unknown>;
  steps: StepResult[];
  files: RenderedFile[];
  /** The scan of the rendered workspace, every location rewritten to the skeleton. */
  report: Report;
  findings: MappedFinding[];
  errors: TemplateError[];
  /** Things that work but deserve attention (deprecated inputs, unrenderable step inputs). */
  warnings: TemplateError[];
}

export interface TemplateCheckResult {
  /**
   * Every template's report in one: findings, files and resources of all of them; counts summed; score,
   * grade, categories and maturity those of the weakest template (a gate on the combined report holds
   * for every template). Errors are listed under their files.
   */
  report: Report;
  templates: TemplateResult[];
  /** Every located error: files that are not templates, unrenderable templates and skeletons. */
  errors: TemplateError[];
}
