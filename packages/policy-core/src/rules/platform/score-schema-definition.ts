/**
 * The Score workload specification (score.dev/v1b1) as a JSON Schema (draft-07), written from the field list of
 * score-spec/spec `score-v1b1.json` (Apache-2.0): the mapping forms of `files` and `volumes` (key = target path)
 * and their deprecated list forms, `before`, exec and HTTP probes. PATTERN_MESSAGES says what each pattern means.
 */
const API_VERSION = '^score\\.dev/v1b1$';
/** RFC 1123 label, 2–63 characters (the length is part of the pattern). */
const LABEL = '^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$';
const ANNOTATION_KEY =
  '^(([a-z0-9][a-z0-9-]{0,61}[a-z0-9])(\\.[a-z0-9][a-z0-9-]{0,61}[a-z0-9])*/)?[A-Za-z0-9][A-Za-z0-9._-]{0,61}[A-Za-z0-9]$';
const RESOURCE_TYPE = '^[A-Za-z0-9][A-Za-z0-9-]{0,61}[A-Za-z0-9]$';
const RESOURCE_ID = '^[a-z0-9]+(?:-+[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-+[a-z0-9]+)*)*$';
const MEMORY = '^(0\\.\\d+|[1-9]\\d*(\\.\\d+)?)(K|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$';
const CPU = '^\\d+(?:m|\\.\\d+)?$';
const FILE_MODE = '^0?[0-7]{3}$';
const HEADER_NAME = '^[A-Za-z0-9_-]+$';
const VARIABLE_NAME = '^[^=]+$';

export const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  [API_VERSION]: 'must be "score.dev/v1b1"',
  [LABEL]:
    'must be an RFC 1123 label: 2 to 63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit',
  [ANNOTATION_KEY]:
    'must be an annotation key: an optional DNS prefix and "/", then a name of letters, digits, ".", "_" and "-"',
  [RESOURCE_TYPE]: 'must be 2 to 63 letters, digits and "-", starting and ending with a letter or digit',
  [RESOURCE_ID]: 'must be lowercase labels of a-z, 0-9 and "-" separated by "." (e.g. shared-db)',
  [MEMORY]: 'must be a memory quantity such as 128M, 512Mi or 1.5Gi',
  [CPU]: 'must be a CPU quantity such as 2, 0.5 or 250m',
  [FILE_MODE]: 'must be an octal file mode such as "0644" or "600"',
  [HEADER_NAME]: 'must be an HTTP header name (letters, digits, "_" and "-")',
  [VARIABLE_NAME]: 'must not contain "="',
};

const stringList = { type: 'array', items: { type: 'string' } };
const port = { type: 'integer', minimum: 1, maximum: 65535 };
const annotations = {
  type: 'object',
  propertyNames: { maxLength: 316, pattern: ANNOTATION_KEY },
  additionalProperties: { type: 'string' },
};

/** A container file: the list form carries its `target`; in the map form the key is the target. */
function fileSchema(listForm: boolean): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...(listForm && { target: { type: 'string', minLength: 1 } }),
      mode: { type: 'string', pattern: FILE_MODE },
      source: { type: 'string', minLength: 1 },
      content: { type: 'string' },
      binaryContent: { type: 'string' },
      noExpand: { type: 'boolean' },
    },
    oneOf: [{ required: ['content'] }, { required: ['binaryContent'] }, { required: ['source'] }],
  };
}

function volumeSchema(listForm: boolean): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['source'],
    properties: {
      source: { type: 'string' },
      path: { type: 'string' },
      ...(listForm && { target: { type: 'string' } }),
      readOnly: { type: 'boolean' },
    },
  };
}

/** A map of target → entry, or the deprecated list form. */
function mountsSchema(kind: 'File' | 'Volume'): Record<string, unknown> {
  return {
    if: { type: 'array' },
    then: { type: 'array', items: { $ref: `#/definitions/list${kind}` } },
    else: { type: 'object', additionalProperties: { $ref: `#/definitions/map${kind}` } },
  };
}

export const SCORE_V1B1_SCHEMA = {
  $id: 'https://shiftdown.dev/schemas/score-v1b1.json',
  type: 'object',
  required: ['apiVersion', 'metadata', 'containers'],
  additionalProperties: false,
  properties: {
    apiVersion: { type: 'string', pattern: API_VERSION },
    metadata: {
      type: 'object',
      required: ['name'],
      additionalProperties: true,
      properties: { name: { type: 'string', pattern: LABEL }, annotations },
    },
    service: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ports: {
          type: 'object',
          propertyNames: { pattern: LABEL },
          additionalProperties: { $ref: '#/definitions/servicePort' },
        },
      },
    },
    containers: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: LABEL },
      additionalProperties: { $ref: '#/definitions/container' },
    },
    resources: {
      type: 'object',
      propertyNames: { pattern: LABEL },
      additionalProperties: { $ref: '#/definitions/resource' },
    },
  },
  definitions: {
    servicePort: {
      type: 'object',
      required: ['port'],
      additionalProperties: false,
      properties: { port, protocol: { type: 'string', enum: ['TCP', 'UDP'] }, targetPort: port },
    },
    resource: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', pattern: RESOURCE_TYPE },
        class: { type: 'string', pattern: RESOURCE_TYPE },
        id: { type: 'string', minLength: 2, maxLength: 63, pattern: RESOURCE_ID },
        metadata: { type: 'object', additionalProperties: true, properties: { annotations } },
        params: { type: 'object' },
      },
    },
    quantities: {
      type: 'object',
      additionalProperties: false,
      properties: { memory: { type: 'string', pattern: MEMORY }, cpu: { type: 'string', pattern: CPU } },
    },
    listFile: fileSchema(true),
    mapFile: fileSchema(false),
    listVolume: volumeSchema(true),
    mapVolume: volumeSchema(false),
    container: {
      type: 'object',
      required: ['image'],
      additionalProperties: false,
      properties: {
        image: { type: 'string', minLength: 1 },
        command: stringList,
        args: stringList,
        variables: {
          type: 'object',
          propertyNames: { minLength: 1, pattern: VARIABLE_NAME },
          additionalProperties: { type: 'string' },
        },
        files: mountsSchema('File'),
        volumes: mountsSchema('Volume'),
        before: {
          type: 'object',
          propertyNames: { pattern: LABEL },
          additionalProperties: {
            type: 'object',
            required: ['ready'],
            additionalProperties: false,
            properties: { ready: { type: 'string', enum: ['started', 'healthy', 'complete'] } },
          },
        },
        resources: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limits: { $ref: '#/definitions/quantities' },
            requests: { $ref: '#/definitions/quantities' },
          },
        },
        livenessProbe: { $ref: '#/definitions/probe' },
        readinessProbe: { $ref: '#/definitions/probe' },
      },
    },
    probe: {
      type: 'object',
      additionalProperties: false,
      properties: { httpGet: { $ref: '#/definitions/httpProbe' }, exec: { $ref: '#/definitions/execProbe' } },
    },
    execProbe: {
      type: 'object',
      required: ['command'],
      additionalProperties: false,
      properties: { command: stringList },
    },
    httpProbe: {
      type: 'object',
      required: ['port', 'path'],
      additionalProperties: false,
      properties: {
        host: { type: 'string', minLength: 1 },
        scheme: { type: 'string', enum: ['HTTP', 'HTTPS'] },
        path: { type: 'string' },
        port,
        httpHeaders: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'value'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', pattern: HEADER_NAME },
              value: { type: 'string', minLength: 1 },
            },
          },
        },
      },
    },
  },
} as const;
