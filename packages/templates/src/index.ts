/**
 * @shiftdown/templates — check Backstage software templates without Backstage: render each template's
 * `fetch:template` skeletons as the scaffolder does, scan the result with the policy core, and report
 * every finding at the skeleton file and line it came from.
 */
export { checkTemplates } from './check.js';
export { formatTemplateCheck, type TemplateFormatOptions } from './report/format.js';
export { combineReports } from './report/combine.js';
export { TEMPLATE_API_VERSION } from './template/discover.js';
export { parseTemplateValues, type ParsedTemplateValues } from './template/values.js';
export { exampleValue, exampleValues } from './template/parameters.js';
export type {
  CheckTemplatesOptions,
  MappedFinding,
  RenderedFile,
  StepAction,
  StepResult,
  TemplateCheckResult,
  TemplateError,
  TemplateResult,
  TemplateSource,
} from './types.js';
