export type {
  ShiftdownConfig,
  Exemption,
  RuleSetting,
  WorkloadKindConfig,
  NamespaceContext,
  SchemaConfig,
  SchemaValidatorChoice,
} from './types.js';
export { parseConfig, validateConfigObject } from './parse-config.js';
export { readConfigFile, type ReadConfigResult } from './read-config.js';
export { didYouMean } from '../util/did-you-mean.js';
export type {
  ConfigProblem,
  ConfigValidationOptions,
  ParseConfigResult,
  ValidateConfigResult,
} from './parse-config.js';
export {
  CONFIG_SCHEMA,
  CONFIG_SCHEMA_ID,
  RULE_ID_PATTERN,
  configJsonSchema,
  configJsonSchemaText,
} from './schema.js';
