/**
 * The JSON report: the `Report` object itself, versioned and described by a JSON Schema
 * (documented in docs/json-report.md). The Action and the Backstage plugins read it.
 */
import type { LetterGrade, ProfileName, Report } from '../types.js';
import { CATEGORIES, SEVERITIES } from '../types.js';

/**
 * Version of the JSON report format (semver). Additive changes (a new optional field, a new enum
 * value in a field documented as open) bump the minor; removing or changing the meaning of a
 * field bumps the major. Keep docs/json-report.md in step.
 */
export const JSON_REPORT_VERSION = '1.0.0';

/** The report, pretty-printed, with a final newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const LETTER_GRADES = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'] as const;
const PROFILE_NAMES = ['pss-baseline', 'pss-restricted', 'recommended', 'strict'] as const;

// Compile-time guards: the enums above must list exactly the members of the union types.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _gradesMatch: Exactly<(typeof LETTER_GRADES)[number], LetterGrade> = true;
const _profilesMatch: Exactly<(typeof PROFILE_NAMES)[number], ProfileName> = true;

const count = { type: 'integer', minimum: 0 } as const;
const position = { type: 'integer', minimum: 1 } as const;
const score = { type: 'number', minimum: 0, maximum: 100 } as const;
const text = { type: 'string' } as const;
const ref = <const N extends string>(name: N) => ({ $ref: `#/definitions/${name}` }) as const;

/**
 * JSON Schema (draft-07) of the report, exactly per `types.ts`. Objects are closed
 * (`additionalProperties: false`) so that the schema and the types cannot drift apart unnoticed;
 * consumers reading a newer minor version should ignore fields they do not know.
 */
export const jsonReportSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Shiftdown JSON report',
  description: `Shiftdown scan report, format version ${JSON_REPORT_VERSION} (see docs/json-report.md).`,
  type: 'object',
  additionalProperties: false,
  required: ['version', 'tool', 'settings', 'summary', 'files', 'resources', 'findings', 'rules'],
  properties: {
    version: {
      type: 'string',
      pattern: '^1\\.[0-9]+\\.[0-9]+$',
      description: 'Report format version (semver).',
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: { name: text, version: text },
    },
    settings: {
      type: 'object',
      additionalProperties: false,
      required: ['profile', 'pssVersion'],
      properties: {
        profile: { enum: PROFILE_NAMES },
        pssVersion: text,
        kubernetesVersion: text,
        schemaValidator: text,
      },
    },
    summary: ref('reportSummary'),
    files: { type: 'array', items: ref('fileSummary') },
    resources: { type: 'array', items: ref('resourceSummary') },
    findings: { type: 'array', items: ref('finding') },
    rules: { type: 'array', items: ref('ruleSummary') },
  },
  definitions: {
    severity: { enum: SEVERITIES },
    category: { enum: CATEGORIES },
    letterGrade: { enum: LETTER_GRADES },
    pssLevel: { enum: ['baseline', 'restricted'] },
    severityCounts: {
      type: 'object',
      additionalProperties: false,
      required: [...SEVERITIES],
      properties: { critical: count, high: count, medium: count, low: count, info: count },
    },
    categoryScore: {
      type: 'object',
      additionalProperties: false,
      required: ['category', 'title', 'score', 'grade', 'findings'],
      properties: {
        category: ref('category'),
        title: text,
        score,
        grade: ref('letterGrade'),
        findings: count,
      },
    },
    maturityLevel: {
      type: 'object',
      additionalProperties: false,
      required: ['level', 'name'],
      properties: {
        level: { enum: [0, 1, 2, 3, 4, 5] },
        name: text,
        next: { type: 'array', items: text },
      },
    },
    reportSummary: {
      type: 'object',
      additionalProperties: false,
      required: [
        'score',
        'grade',
        'counts',
        'suppressed',
        'files',
        'documents',
        'resources',
        'errors',
        'categories',
        'maturity',
      ],
      properties: {
        score,
        grade: ref('letterGrade'),
        counts: ref('severityCounts'),
        suppressed: count,
        files: count,
        documents: count,
        resources: count,
        errors: count,
        categories: { type: 'array', items: ref('categoryScore') },
        maturity: ref('maturityLevel'),
        cap: text,
      },
    },
    inputError: {
      type: 'object',
      additionalProperties: false,
      required: ['message', 'line', 'column'],
      properties: { message: text, line: position, column: position },
    },
    skippedDocument: {
      type: 'object',
      additionalProperties: false,
      required: ['line', 'reason'],
      properties: { line: position, reason: text },
    },
    fileSummary: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'documents', 'errors', 'skipped'],
      properties: {
        path: text,
        documents: count,
        errors: { type: 'array', items: ref('inputError') },
        skipped: { type: 'array', items: ref('skippedDocument') },
      },
    },
    resourceRef: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: text, apiVersion: text, namespace: text, name: text },
    },
    resourceSummary: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'score', 'grade', 'file', 'line', 'findings'],
      properties: {
        kind: text,
        apiVersion: text,
        namespace: text,
        name: text,
        score,
        grade: ref('letterGrade'),
        file: text,
        line: position,
        findings: count,
      },
    },
    suppression: {
      type: 'object',
      additionalProperties: false,
      required: ['reason', 'source'],
      properties: { reason: text, source: text, expires: text },
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['description'],
      properties: {
        description: text,
        replacement: text,
        set: {
          type: 'object',
          additionalProperties: false,
          required: ['path'],
          properties: {
            path: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] } },
            value: {},
          },
        },
      },
    },
    finding: {
      type: 'object',
      additionalProperties: false,
      required: [
        'ruleId',
        'severity',
        'category',
        'message',
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'resource',
        'fingerprint',
      ],
      properties: {
        ruleId: text,
        severity: ref('severity'),
        category: ref('category'),
        message: text,
        file: text,
        line: position,
        column: position,
        endLine: position,
        endColumn: position,
        resource: ref('resourceRef'),
        container: text,
        field: text,
        valueSource: { enum: ['container', 'pod', 'default'] },
        pss: {
          type: 'object',
          additionalProperties: false,
          required: ['level', 'check'],
          properties: { level: ref('pssLevel'), check: text },
        },
        suppressed: ref('suppression'),
        fix: ref('fix'),
        fingerprint: text,
      },
    },
    pssMapping: {
      type: 'object',
      additionalProperties: false,
      required: ['level', 'check', 'since'],
      properties: {
        level: ref('pssLevel'),
        check: text,
        since: { type: 'string', pattern: '^v1\\.[0-9]+$' },
      },
    },
    ruleSummary: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'severity', 'category', 'helpUri', 'description', 'remediation'],
      properties: {
        id: text,
        title: text,
        severity: ref('severity'),
        category: ref('category'),
        helpUri: text,
        description: text,
        remediation: text,
        pss: ref('pssMapping'),
      },
    },
  },
} as const;
