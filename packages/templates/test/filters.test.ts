import { parseEntityRef, parseRepoUrl, pick, projectSlug } from '../src/render/filters.js';

describe("Backstage's template filters", () => {
  it('parseRepoUrl', () => {
    expect(parseRepoUrl('github.com?owner=acme&repo=web')).toEqual({ host: 'github.com', owner: 'acme', repo: 'web' });
    expect(parseRepoUrl('gitlab.com?project=42')).toEqual({ host: 'gitlab.com', project: '42' });
    expect(parseRepoUrl('bitbucket.org?workspace=w&project=p&repo=r')).toEqual({ host: 'bitbucket.org', workspace: 'w', project: 'p', repo: 'r' });
    expect(parseRepoUrl('git.example.com?repo=/web/')).toEqual({ host: 'git.example.com', repo: 'web' });
    expect(() => parseRepoUrl('github.com?owner=acme')).toThrow('Invalid repo URL passed to publisher: https://github.com/?owner=acme, missing repo');
    expect(() => parseRepoUrl('dev.azure.com?organization=o&repo=r')).toThrow(/missing project/);
    expect(() => parseRepoUrl(42)).toThrow('parseRepoUrl expects a repository URL string, got 42');
    expect(() => parseRepoUrl('exa mple.com')).toThrow('Invalid repo URL passed to publisher, got exa mple.com');
  });

  it('projectSlug', () => {
    expect(projectSlug('github.com?owner=acme&repo=web')).toBe('acme/web');
  });

  it('parseEntityRef', () => {
    expect(parseEntityRef('group:default/platform')).toEqual({ kind: 'group', namespace: 'default', name: 'platform' });
    expect(parseEntityRef('platform', { defaultKind: 'Group' })).toEqual({ kind: 'Group', namespace: 'default', name: 'platform' });
    expect(parseEntityRef('user:ops/jane')).toEqual({ kind: 'user', namespace: 'ops', name: 'jane' });
    expect(parseEntityRef({ kind: 'System', name: 'shop' })).toEqual({ kind: 'System', namespace: 'default', name: 'shop' });
    expect(() => parseEntityRef('platform')).toThrow('Entity reference "platform" had missing or empty kind (e.g. did not start with "component:" or similar)');
    expect(() => parseEntityRef('group:/x')).toThrow('Entity reference "group:/x" was not on the form [<kind>:][<namespace>/]<name>');
    expect(() => parseEntityRef('')).toThrow('Entity reference must not be empty');
  });

  it('pick', () => {
    const value = { a: { b: [{ c: 1 }, { c: 2 }] } };
    expect(pick(value, 'a.b[1].c')).toBe(2);
    expect(pick(value, 'a.b.0.c')).toBe(1);
    expect(pick(value, 'a.x.y')).toBeUndefined();
    expect(pick(value, 'a.b[9]')).toBeUndefined();
    expect(pick(value, 42)).toBeUndefined();
  });
});
