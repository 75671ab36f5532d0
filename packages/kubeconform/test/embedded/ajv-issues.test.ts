/**
 * From ajv errors to one issue per problem: branch errors of oneOf/anyOf merged or dropped, duplicates
 * removed, JSON pointers turned into paths against the value.
 */
import { Ajv } from 'ajv';
import { issuesFromAjv } from '../../src/embedded/ajv-issues.js';
import { pointerToPath } from '../../src/json-pointer.js';

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });

function issues(schema: object, value: unknown): { path: readonly (string | number)[]; message: string }[] {
  const validate = ajv.compile(schema);
  validate(value);
  return issuesFromAjv(validate.errors, value, { schemaName: 'Thing example.com/v1' }).map(
    ({ path, message }) => ({ path, message }),
  );
}

describe('issuesFromAjv', () => {
  it('merges the type errors of oneOf branches into one, without the oneOf summary', () => {
    const schema = { properties: { port: { oneOf: [{ type: 'string' }, { type: 'integer' }] } } };
    expect(issues(schema, { port: 1.5 })).toEqual([
      { path: ['port'], message: 'port has the wrong type: expected integer or string, but got number 1.5.' },
    ]);
  });

  it('reports the branch whose type matched instead of the other branches’ types', () => {
    const schema = {
      properties: { size: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^[0-9]+Gi$' }] } },
    };
    expect(issues(schema, { size: '10G' })).toEqual([
      { path: ['size'], message: 'size does not match the pattern "^[0-9]+Gi$": got string "10G".' },
    ]);
  });

  it('reports errors below a failed anyOf branch instead of the anyOf', () => {
    const schema = {
      properties: { ref: { anyOf: [{ type: 'object', required: ['name'] }, { type: 'string' }] } },
    };
    expect(issues(schema, { ref: {} })).toEqual([
      { path: ['ref'], message: 'Missing required field "name" in ref.' },
    ]);
  });

  it('says so when a value matches more than one oneOf branch', () => {
    const schema = { properties: { n: { oneOf: [{ type: 'number' }, { type: 'integer' }] } } };
    expect(issues(schema, { n: 1 })).toEqual([
      {
        path: ['n'],
        message:
          'n matches more than one of the forms the schema allows (oneOf), but must match exactly one.',
      },
    ]);
  });

  it('removes duplicate errors', () => {
    const schema = { properties: { a: { allOf: [{ type: 'string' }, { type: 'string' }] } } };
    expect(issues(schema, { a: 1 })).toEqual([
      { path: ['a'], message: 'a has the wrong type: expected string, but got integer 1.' },
    ]);
  });

  it('describes bounds, lengths and counts', () => {
    const schema = {
      properties: {
        n: { maximum: 3 },
        s: { minLength: 2 },
        l: { maxItems: 1 },
        o: { minProperties: 1 },
        m: { multipleOf: 5 },
        c: { const: 'x' },
      },
    };
    expect(
      issues(schema, { n: 4, s: 'a', l: [1, 2], o: {}, m: 7, c: 'y' }).map(({ message }) => message),
    ).toEqual([
      'n must be <= 3, but got integer 4.',
      's must be at least 2 characters long, but has 1.',
      'l must have at most 1 items, but has 2.',
      'o must have at least 1 fields, but has 0.',
      'm must be a multiple of 5, but got integer 7.',
      'c must be "x", but got string "y".',
    ]);
  });

  it('reports additionalProperties: false as an unknown field at the key', () => {
    expect(issues({ properties: { a: {} }, additionalProperties: false }, { a: 1, b: 2 })).toEqual([
      {
        path: ['b'],
        message: 'Unknown field "b" at the top level (not in the Thing example.com/v1 schema).',
      },
    ]);
  });

  it('returns nothing for no errors', () => {
    expect(issuesFromAjv(null, {}, { schemaName: 'x' })).toEqual([]);
  });
});

describe('pointerToPath', () => {
  it('turns array indexes into numbers only inside arrays, and unescapes ~0 and ~1', () => {
    const value = { a: [{ '0': { 'x/y': { 'm~n': 1 } } }] };
    expect(pointerToPath('/a/0/0/x~1y/m~0n', value)).toEqual(['a', 0, '0', 'x/y', 'm~n']);
    expect(pointerToPath('', value)).toEqual([]);
  });
});
