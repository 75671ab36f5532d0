import { dnsName, exampleValue, exampleValues } from '../src/template/parameters.js';

describe('example parameter values', () => {
  it.each([
    ['default first', { type: 'string', default: 'd', examples: ['e'], enum: ['x'] }, 'd'],
    ['then examples[0]', { type: 'string', examples: ['e', 'f'], enum: ['x'] }, 'e'],
    ['then enum[0]', { type: 'string', enum: ['small', 'large'] }, 'small'],
    ['then const', { type: 'string', const: 'fixed' }, 'fixed'],
    ['a falsy default is a default', { type: 'boolean', default: false }, false],
    ['RepoUrlPicker', { type: 'string', 'ui:field': 'RepoUrlPicker' }, 'github.com?owner=example&repo=example'],
    ['RepoUrlPicker with allowed hosts', { type: 'string', 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedHosts: ['gitlab.example.com'] } }, 'gitlab.example.com?owner=example&repo=example'],
    ['OwnerPicker', { type: 'string', 'ui:field': 'OwnerPicker' }, 'group:default/example'],
    ['EntityPicker with a catalog filter kind', { type: 'string', 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: ['System'] } } }, 'system:default/example'],
    ['EntityPicker with allowedKinds', { type: 'string', 'ui:field': 'EntityPicker', 'ui:options': { allowedKinds: ['User'] } }, 'user:default/example'],
    ['MultiEntityPicker', { type: 'array', 'ui:field': 'MultiEntityPicker' }, ['group:default/example']],
    ['EntityTagsPicker', { type: 'array', 'ui:field': 'EntityTagsPicker' }, []],
    ['a string: DNS-safe example-<name>', { type: 'string' }, 'example-service-name'],
    ['maxLength', { type: 'string', maxLength: 10 }, 'example-se'],
    ['minLength', { type: 'string', minLength: 30 }, 'example-service-namexxxxxxxxxx'],
    ['a pattern the name fits', { type: 'string', pattern: '^[a-z-]+$' }, 'example-service-name'],
    ['a pattern it does not: the first plain candidate that fits', { type: 'string', pattern: '^[a-z]+[0-9]$' }, 'example1'],
    ['a pattern nothing fits', { type: 'string', pattern: '^\\d{3}-\\d{4}$' }, 'example-service-name'],
    ['an invalid pattern is ignored', { type: 'string', pattern: '(' }, 'example-service-name'],
    ['format email', { type: 'string', format: 'email' }, 'example@example.com'],
    ['format uri', { type: 'string', format: 'uri' }, 'https://example.com'],
    ['integer: minimum', { type: 'integer', minimum: 1024 }, 1024],
    ['integer: 1', { type: 'integer' }, 1],
    ['number: exclusiveMinimum + 1', { type: 'number', exclusiveMinimum: 0.5 }, 1.5],
    ['number below 1 by maximum', { type: 'number', maximum: 0.25 }, 0.25],
    ['boolean', { type: 'boolean' }, false],
    ['null', { type: 'null' }, null],
    ['nullable string', { type: ['null', 'string'] }, 'example-service-name'],
    ['array: empty', { type: 'array', items: { type: 'string' } }, []],
    ['array with minItems', { type: 'array', minItems: 2, items: { type: 'integer' } }, [1, 1]],
    ['object: recursively', { type: 'object', properties: { port: { type: 'integer', default: 80 }, tls: { type: 'boolean' } } }, { port: 80, tls: false }],
    ['untyped with properties', { properties: { a: { type: 'string' } } }, { a: 'example-a' }],
    ['not a schema', 'nonsense', 'example-service-name'],
  ])('%s', (_name, schema, expected) => {
    expect(exampleValue(schema, 'serviceName')).toEqual(expected);
  });

  it('a DNS-safe name from any parameter name', () => {
    expect(['component_id', 'Java Package', 'ÆØÅ', 'x'.repeat(100)].map(dnsName)).toEqual([
      'example-component-id',
      'example-java-package',
      'example',
      `example-${'x'.repeat(55)}`,
    ]);
  });

  it('every page of the form, and the first branch of dependencies', () => {
    const parameters = [
      { title: 'One', properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['web', 'worker'] } } },
      {
        title: 'Two',
        properties: { replicas: { type: 'integer', default: 3 } },
        dependencies: { kind: { oneOf: [{ properties: { kind: { const: 'web' }, port: { type: 'integer', default: 8080 } } }] } },
      },
      'not a page',
    ];
    expect(exampleValues(parameters)).toEqual({ name: 'example-name', kind: 'web', replicas: 3, port: 8080 });
    expect(exampleValues({ properties: { single: { type: 'boolean', default: true } } })).toEqual({ single: true });
    expect(exampleValues(undefined)).toEqual({});
  });

  it('stays finite on self-similar schemas', () => {
    const deep: Record<string, unknown> = { type: 'object', properties: {} };
    let node = deep;
    for (let i = 0; i < 100; i++) {
      const child = { type: 'object', properties: {} };
      (node.properties as Record<string, unknown>).child = child;
      node = child;
    }
    const value = exampleValue(deep, 'x');
    expect(JSON.stringify(value).split('child').length - 1).toBe(17);
  });
});
