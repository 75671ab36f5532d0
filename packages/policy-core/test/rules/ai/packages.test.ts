import {
  isMcpPackageName,
  packageRuns,
  parseNpmSpec,
  parsePypiSpec,
  protocolImageRun,
  shellWords,
  type Word,
} from '../../../src/rules/ai/packages.js';

function words(...texts: string[]): Word[] {
  return texts.map((text, i) => ({ text, path: ['args', i] }));
}

/** `launcher spec pinned` for each run, for compact expectations. */
function runs(...texts: string[]): string[] {
  return packageRuns(words(...texts)).map(
    (r) => `${r.launcher} ${r.spec} ${r.pinned ? 'pinned' : 'unpinned'}`,
  );
}

describe('parseNpmSpec', () => {
  it.each([
    ['pkg', 'pkg', false],
    ['pkg@1.2.3', 'pkg', true],
    ['pkg@v1.2.3', 'pkg', true],
    ['pkg@1.2.3-beta.1', 'pkg', true],
    ['@scope/pkg', '@scope/pkg', false],
    ['@scope/pkg@2025.8.21', '@scope/pkg', true],
    ['@scope/pkg@latest', '@scope/pkg', false],
    ['pkg@^1.2.3', 'pkg', false],
    ['pkg@~1.2', 'pkg', false],
    ['pkg@1.2', 'pkg', false],
  ])('%s → %s pinned=%s', (spec, name, pinned) => {
    expect(parseNpmSpec(spec)).toEqual({ name, pinned });
  });

  it.each([
    './server',
    '/opt/server',
    'file:../x',
    'git+https://github.com/a/b',
    'github:a/b',
    'https://x/y.tgz',
    'a@npm:b@1.0.0',
    'x@${V}',
    'Not A Package!',
  ])('%s is not judged', (spec) => {
    expect(parseNpmSpec(spec)).toBeUndefined();
  });
});

describe('parsePypiSpec', () => {
  it.each([
    ['mcp-server-fetch', false, 'mcp-server-fetch', false],
    ['mcp-server-fetch==2025.4.7', false, 'mcp-server-fetch', true],
    ['mcp[cli]==1.13.0', false, 'mcp', true],
    ['pkg===1.0', false, 'pkg', true],
    ['pkg==1.*', false, 'pkg', false],
    ['pkg>=2', false, 'pkg', false],
    ['pkg~=1.4', false, 'pkg', false],
    ['pkg==1.0; python_version>"3.8"', false, 'pkg', true],
    ['ruff@0.6.0', true, 'ruff', true],
    ['ruff@latest', true, 'ruff', false],
  ])('%s (uvx=%s) → %s pinned=%s', (spec, allowAt, name, pinned) => {
    expect(parsePypiSpec(spec, allowAt)).toEqual({ name, pinned });
  });

  it.each(['./pkg', 'git+https://github.com/a/b', 'pkg @ https://x/pkg.whl', 'ruff@0.6.0', '$PKG'])(
    '%s is not judged by pip',
    (spec) => {
      expect(parsePypiSpec(spec, false)).toBeUndefined();
    },
  );
});

describe('packageRuns', () => {
  it.each<[string, string[], string[]]>([
    ['npx with flags', ['npx', '-y', '--quiet', '@a/b'], ['npx @a/b unpinned']],
    ['npx stops at the first positional', ['npx', 'pkg@1.0.0', 'other-pkg'], ['npx pkg@1.0.0 pinned']],
    [
      'npx --package= and -p',
      ['npx', '--package=a', '-p', 'b@1.0.0', 'bin'],
      ['npx a unpinned', 'npx b@1.0.0 pinned'],
    ],
    ['npx -- ends options', ['npx', '--', 'c'], ['npx c unpinned']],
    ['bunx', ['/usr/local/bin/bunx', 'x'], ['bunx x unpinned']],
    ['pnpm dlx / yarn dlx', ['pnpm', 'dlx', 'x@1.0.0'], ['pnpm dlx x@1.0.0 pinned']],
    ['npm install -g', ['npm', 'i', '-g', 'a', 'b@2.0.0'], ['npm i a unpinned', 'npm i b@2.0.0 pinned']],
    ['npm install without packages', ['npm', 'ci'], []],
    [
      'uvx --from and --with',
      ['uvx', '--from', 'a==1.0', '--with', 'b,c==2', 'cmd'],
      ['uvx a==1.0 pinned', 'uvx b unpinned', 'uvx c==2 pinned'],
    ],
    ['uv pip install', ['uv', 'pip', 'install', 'x'], ['uv pip install x unpinned']],
    ['python -m pip install', ['python3', '-m', 'pip', 'install', '-U', 'x==1'], ['pip install x==1 pinned']],
    [
      'pip install -r is skipped',
      ['pip3', 'install', '-r', 'req.txt', '-e', '.', 'y'],
      ['pip3 install y unpinned'],
    ],
    ['pip --require-hashes', ['pip', 'install', '--require-hashes', 'x'], []],
    ['pipx run', ['pipx', 'run', 'pycowsay'], ['pipx run pycowsay unpinned']],
    ['python -m pipx run', ['python', '-m', 'pipx', 'run', '--spec', 'a==1', 'a'], ['pipx run a==1 pinned']],
    ['env and exec prefixes', ['env', 'A=1', 'exec', 'npx', 'z'], ['npx z unpinned']],
    ['not a launcher', ['node', 'server.js'], []],
  ])('%s', (_name, input, expected) => {
    expect(runs(...input)).toEqual(expected);
  });

  it('reads sh -c scripts with quotes and operators (a quoted "a b" is no package), keeping the element path', () => {
    const result = packageRuns(
      words('sh', '-c', `set -e; VAR=1 npx -y "a b" && uvx 'c==1' | pipx run d\nexec npx e`),
    );
    expect(result.map((r) => [r.launcher, r.spec, r.pinned])).toEqual([
      ['uvx', 'c==1', true],
      ['pipx run', 'd', false],
      ['npx', 'e', false],
    ]);
    expect(result.every((r) => r.path.join('.') === 'args.2')).toBe(true);
  });

  it('reads busybox sh -c', () => {
    expect(runs('busybox', 'sh', '-c', 'npx q')).toEqual(['npx q unpinned']);
  });
});

describe('shellWords', () => {
  it('splits words and operators, honouring quotes and escapes', () => {
    expect(shellWords(`a "b c" 'd;e' f\\ g&&h||i;j|k\nl &`)).toEqual([
      'a',
      'b c',
      'd;e',
      'f g',
      '&&',
      'h',
      '||',
      'i',
      ';',
      'j',
      '|',
      'k',
      ';',
      'l',
      '&',
    ]);
  });
});

describe('protocolImageRun', () => {
  it.each<[string, string | undefined]>([
    ['npx://@a/b', 'npm @a/b unpinned'],
    ['npx://@a/b@1.2.3', 'npm @a/b pinned'],
    ['uvx://mcp-server-fetch', 'pypi mcp-server-fetch unpinned'],
    ['uvx://mcp-server-fetch@2025.4.7', 'pypi mcp-server-fetch pinned'],
    ['go://github.com/a/b@v1.2.3', 'go github.com/a/b pinned'],
    ['go://github.com/a/b@latest', 'go github.com/a/b unpinned'],
    ['go://github.com/a/b', 'go github.com/a/b unpinned'],
    ['go://./local', undefined],
    ['ghcr.io/a/b:1', undefined],
  ])('%s', (image, expected) => {
    const run = protocolImageRun(image, ['spec', 'image']);
    expect(run && `${run.ecosystem} ${run.name} ${run.pinned ? 'pinned' : 'unpinned'}`).toEqual(expected);
  });
});

describe('isMcpPackageName', () => {
  it.each([
    ['@modelcontextprotocol/server-github', true],
    ['@playwright/mcp', true],
    ['@upstash/context7-mcp', true],
    ['mcp-server-fetch', true],
    ['awslabs.aws-documentation-mcp-server', true],
    ['mcp', true],
    ['fastmcp', false],
    ['mcpe-tools', false],
    ['eslint', false],
  ])('%s → %s', (name, expected) => {
    expect(isMcpPackageName(name)).toBe(expected);
  });
});
