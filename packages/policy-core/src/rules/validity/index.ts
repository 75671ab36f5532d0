import type { Rule } from '../rule.js';
import schemaInvalid from './schema-invalid.js';
import schemaMissing from './schema-missing.js';
import apiVersionRemoved from './api-version-removed.js';

/** Manifest validity: schema validation (through a SchemaValidator) and served API versions. */
export const VALIDITY_RULES: readonly Rule[] = [schemaInvalid, schemaMissing, apiVersionRemoved];
