/**
 * Packages a container fetches and runs at start-up: `npx`/`bunx`/`pnpm dlx`/`yarn dlx`/`npm exec|install`
 * (npm registry), `uvx`/`uv tool run`/`pipx run`/`pip install`/`uv pip install` (PyPI), read from a
 * container's command and args, including `sh -c` scripts. Pure text analysis: no registry is consulted.
 */
import type { Path } from '../../types.js';
import { isTemplatedText } from '../../model/image.js';

/** One word of a command line, with the path of the command/args element it was read from. */
export interface Word {
  text: string;
  path: Path;
}

export type Ecosystem = 'npm' | 'pypi' | 'go';

/** A registry package the command line fetches and runs (or installs) when the container starts. */
export interface PackageRun {
  /** `npx`, `uvx`, `pip install`, … */
  launcher: string;
  ecosystem: Ecosystem;
  /** The spec as written, e.g. `@scope/pkg@1.2.3`, `mcp-server-fetch==0.6.2`. */
  spec: string;
  /** The package name without version or extras. */
  name: string;
  /** True when the spec names one exact version (`pkg@1.2.3`, `pkg==1.2.3`). */
  pinned: boolean;
  /** Path of the element that holds the spec. */
  path: Path;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
const OPERATORS = new Set(['&&', '||', ';', '|', '&']);

function basename(text: string): string {
  return text.slice(text.lastIndexOf('/') + 1);
}

/** Split a shell script into words (quotes respected) and operators (`&&`, `;`, `|`, newlines). */
export function shellWords(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let has = false;
  let quote: string | undefined;
  const flush = () => {
    if (has) out.push(current);
    current = '';
    has = false;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < script.length) current += script[++i];
      else current += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < script.length) {
      const next = script[++i]!;
      if (next !== '\n') {
        current += next;
        has = true;
      }
    } else if (c === ' ' || c === '\t') {
      flush();
    } else if (c === '\n' || c === ';' || c === '|' || c === '&') {
      flush();
      const pair = script.slice(i, i + 2);
      if (pair === '&&' || pair === '||') i++;
      out.push(pair === '&&' || pair === '||' ? pair : c === '\n' ? ';' : c);
    } else {
      current += c;
      has = true;
    }
  }
  flush();
  return out;
}

/**
 * The simple commands of a container's command line (command + args): the words as the process gets them,
 * or, for `sh -c SCRIPT`, the commands of the script (each word carrying the script element's path).
 */
function commandsOf(words: readonly Word[]): Word[][] {
  const first = words[0];
  if (first && SHELLS.has(basename(first.text))) {
    let i = basename(first.text) === 'busybox' ? 2 : 1;
    for (; i < words.length; i++) {
      const flag = words[i]!.text;
      if (!flag.startsWith('-')) break;
      if (/^-[a-z]*c[a-z]*$/.test(flag)) {
        const script = words[i + 1];
        return script ? splitScript(script) : [];
      }
    }
  }
  return words.length > 0 ? [[...words]] : [];
}

function splitScript(script: Word): Word[][] {
  const commands: Word[][] = [[]];
  for (const text of shellWords(script.text)) {
    if (OPERATORS.has(text)) commands.push([]);
    else commands[commands.length - 1]!.push({ text, path: script.path });
  }
  return commands.filter((c) => c.length > 0);
}

/** Drop `exec`, `env [-i] VAR=value …`, `nohup`, `time` and leading `VAR=value` assignments. */
function stripPrefixes(command: Word[]): Word[] {
  let i = 0;
  while (i < command.length) {
    const text = command[i]!.text;
    const base = basename(text);
    if (['exec', 'nohup', 'time', 'command'].includes(base)) i++;
    else if (base === 'env') {
      i++;
      while (i < command.length && (command[i]!.text.startsWith('-') || command[i]!.text.includes('='))) i++;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) i++;
    else break;
  }
  return command.slice(i);
}

// --- Option parsing -----------------------------------------------------------------------------------------

interface Options {
  /** Options that take a value (`--opt value`; `--opt=value` is always one word). */
  valued: ReadonlySet<string>;
}

interface Parsed {
  positionals: Word[];
  /** Values of the valued options, by option name. */
  values: Map<string, Word[]>;
  /** The same values in command-line order. */
  ordered: { option: string; value: Word }[];
  flags: Set<string>;
}

function parseOptions(words: readonly Word[], options: Options, stopAtFirstPositional: boolean): Parsed {
  const parsed: Parsed = { positionals: [], values: new Map(), ordered: [], flags: new Set() };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const text = word.text;
    if (text === '--') {
      parsed.positionals.push(...words.slice(i + 1));
      break;
    }
    if (text.startsWith('-') && text.length > 1) {
      const eq = text.indexOf('=');
      const name = eq > 0 ? text.slice(0, eq) : text;
      if (options.valued.has(name)) {
        const value = eq > 0 ? { text: text.slice(eq + 1), path: word.path } : words[++i];
        if (value) {
          parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
          parsed.ordered.push({ option: name, value });
        }
      } else parsed.flags.add(name);
      continue;
    }
    parsed.positionals.push(word);
    if (stopAtFirstPositional) break;
  }
  return parsed;
}

/** Options that take a value, written as one space-separated list. */
function valued(names: string): Options {
  return { valued: new Set(names.split(/\s+/).filter((n) => n !== '')) };
}

const NPX_OPTIONS = valued('-p --package -c --call -w --workspace --registry --cache --prefix --userconfig');
const NPM_INSTALL_OPTIONS = valued(
  '--registry --prefix --cache --omit --include --tag -w --workspace --userconfig',
);
const UV_OPTIONS = valued(`
  --from --with --with-editable --with-requirements -p --python --index --index-url --extra-index-url
  --default-index -f --find-links -c --constraints --overrides -b --build-constraints --env-file --directory
  --project --config-file --cache-dir --color --python-platform -P --upgrade-package --refresh-package
  --reinstall-package --exclude-newer --link-mode --index-strategy --keyring-provider --resolution --prerelease
  -C --config-setting --no-build-package --no-binary-package --allow-insecure-host`);
const PIPX_OPTIONS = valued('--spec --python -i --index-url --pip-args --backend');
const PIP_OPTIONS = valued(`
  -r --requirement -c --constraint -e --editable -t --target --prefix --root --src -i --index-url
  --extra-index-url -f --find-links --platform --python-version --implementation --abi --upgrade-strategy
  --no-binary --only-binary --progress-bar --trusted-host --cache-dir --log --proxy --retries --timeout
  --exists-action --cert --client-cert --global-option -C --config-settings --report --root-user-action
  --python --group`);

// --- Package specs ---------------------------------------------------------------------------------------------

const NPM_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;
const SEMVER = /^[v=]?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const PYPI_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?/;
const PEP440_EXACT = /^\d+(\.\d+)*((a|b|rc|\.post|\.dev)\d+)*(\+[A-Za-z0-9.]+)?$/;

/** Text that cannot be judged: templates and shell variables. */
function unjudgeable(text: string): boolean {
  return isTemplatedText(text) || text.includes('$');
}

function isLocalOrUrl(spec: string): boolean {
  return (
    /^(\.|\/|~|file:|https?:|git[+:]|github:|gitlab:|bitbucket:|ssh:)/.test(spec) || spec.includes('://')
  );
}

/** An npm registry spec (`name`, `@scope/name`, with `@version`); undefined for paths, URLs, git or odd words. */
export function parseNpmSpec(spec: string): { name: string; pinned: boolean } | undefined {
  if (unjudgeable(spec) || isLocalOrUrl(spec)) return undefined;
  const at = spec.indexOf('@', 1);
  const name = at < 0 ? spec : spec.slice(0, at);
  if (!NPM_NAME.test(name)) return undefined;
  const version = at < 0 ? undefined : spec.slice(at + 1);
  if (version?.startsWith('npm:')) return undefined; // alias: judged by its own spec
  return { name, pinned: version !== undefined && SEMVER.test(version) };
}

/** A PyPI requirement (`name`, `name[extra]==1.0`, uvx's `name@1.0`); undefined for paths, URLs or odd words. */
export function parsePypiSpec(spec: string, allowAt: boolean): { name: string; pinned: boolean } | undefined {
  const text = spec.split(';')[0]!.trim();
  if (unjudgeable(text) || isLocalOrUrl(text) || text.includes(' @ ')) return undefined;
  const match = PYPI_NAME.exec(text);
  if (!match) return undefined;
  const name = match[0];
  let rest = text.slice(name.length).trim();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    rest = rest.slice(close + 1).trim();
  }
  if (rest === '') return { name, pinned: false };
  if (allowAt && rest.startsWith('@')) return { name, pinned: PEP440_EXACT.test(rest.slice(1)) };
  const exact = /^===?\s*([^,\s]+)$/.exec(rest);
  if (exact) return { name, pinned: !exact[1]!.includes('*') };
  if (/^(~=|!=|<=|>=|<|>|,)/.test(rest)) return { name, pinned: false };
  return undefined; // not a requirement (e.g. `--flag`-like leftovers, `name:thing`)
}

function run(
  launcher: string,
  ecosystem: Ecosystem,
  word: Word,
  parsed: { name: string; pinned: boolean } | undefined,
): PackageRun[] {
  return parsed
    ? [{ launcher, ecosystem, spec: word.text, name: parsed.name, pinned: parsed.pinned, path: word.path }]
    : [];
}

function npxRuns(launcher: string, rest: Word[]): PackageRun[] {
  const parsed = parseOptions(rest, NPX_OPTIONS, true);
  const packages = parsed.ordered
    .filter((o) => o.option === '-p' || o.option === '--package')
    .map((o) => o.value);
  const specs = packages.length > 0 ? packages : parsed.positionals.slice(0, 1);
  return specs.flatMap((w) => run(launcher, 'npm', w, parseNpmSpec(w.text)));
}

function npmInstallRuns(launcher: string, rest: Word[]): PackageRun[] {
  const parsed = parseOptions(rest, NPM_INSTALL_OPTIONS, false);
  return parsed.positionals.flatMap((w) => run(launcher, 'npm', w, parseNpmSpec(w.text)));
}

function uvxRuns(launcher: string, rest: Word[]): PackageRun[] {
  const parsed = parseOptions(rest, UV_OPTIONS, true);
  const from = parsed.values.get('--from');
  const main = from ?? parsed.positionals.slice(0, 1);
  const withs = (parsed.values.get('--with') ?? []).flatMap((w) =>
    w.text.split(',').map((text) => ({ text: text.trim(), path: w.path })),
  );
  return [...main, ...withs].flatMap((w) => run(launcher, 'pypi', w, parsePypiSpec(w.text, true)));
}

function pipxRuns(rest: Word[]): PackageRun[] {
  const parsed = parseOptions(rest, PIPX_OPTIONS, true);
  const specs = parsed.values.get('--spec') ?? parsed.positionals.slice(0, 1);
  return specs.flatMap((w) => run('pipx run', 'pypi', w, parsePypiSpec(w.text, false)));
}

function pipInstallRuns(launcher: string, rest: Word[]): PackageRun[] {
  const parsed = parseOptions(rest, PIP_OPTIONS, false);
  if (parsed.flags.has('--require-hashes')) return []; // hash-checking mode demands exact pins
  return parsed.positionals.flatMap((w) => run(launcher, 'pypi', w, parsePypiSpec(w.text, false)));
}

/** The packages one simple command fetches at run time. */
function commandRuns(raw: Word[]): PackageRun[] {
  const command = stripPrefixes(raw);
  const [head, second, third] = command.map((w) => w.text);
  if (head === undefined) return [];
  const tool = basename(head);
  const from = (n: number) => command.slice(n);
  if (tool === 'npx' || tool === 'bunx') return npxRuns(tool, from(1));
  if ((tool === 'pnpm' || tool === 'yarn') && second === 'dlx') return npxRuns(`${tool} dlx`, from(2));
  if (tool === 'npm' && (second === 'exec' || second === 'x')) return npxRuns(`npm ${second}`, from(2));
  if (tool === 'npm' && ['install', 'i', 'add'].includes(second ?? ''))
    return npmInstallRuns(`npm ${second}`, from(2));
  if (tool === 'uvx') return uvxRuns('uvx', from(1));
  if (tool === 'uv' && second === 'tool' && third === 'run') return uvxRuns('uv tool run', from(3));
  if (tool === 'uv' && second === 'pip' && third === 'install')
    return pipInstallRuns('uv pip install', from(3));
  if (tool === 'pipx' && second === 'run') return pipxRuns(from(2));
  if (/^pip(3(\.\d+)?)?$/.test(tool) && second === 'install')
    return pipInstallRuns(`${tool} install`, from(2));
  if (/^python(3(\.\d+)?)?$/.test(tool) && second === '-m') {
    if (third === 'pip' && command[3]?.text === 'install') return pipInstallRuns('pip install', from(4));
    if (third === 'pipx' && command[3]?.text === 'run') return pipxRuns(from(4));
  }
  return [];
}

/** Every package a command line (command + args words) fetches at run time. */
export function packageRuns(words: readonly Word[]): PackageRun[] {
  return commandsOf(words).flatMap(commandRuns);
}

/** The spec of a ToolHive protocol-scheme image (`npx://pkg`, `uvx://pkg`, `go://module`), or undefined. */
export function protocolImageRun(image: string, path: Path): PackageRun | undefined {
  const match = /^(npx|uvx|go):\/\/(.+)$/.exec(image.trim());
  if (!match) return undefined;
  const [, scheme, spec] = match as unknown as [string, 'npx' | 'uvx' | 'go', string];
  const launcher = `${scheme}://`;
  if (scheme === 'npx') return run(launcher, 'npm', { text: spec, path }, parseNpmSpec(spec))[0];
  if (scheme === 'uvx') return run(launcher, 'pypi', { text: spec, path }, parsePypiSpec(spec, true))[0];
  if (unjudgeable(spec) || spec.startsWith('.') || spec.startsWith('/')) return undefined;
  const at = spec.lastIndexOf('@');
  const name = at < 0 ? spec : spec.slice(0, at);
  const version = at < 0 ? '' : spec.slice(at + 1);
  return {
    launcher,
    ecosystem: 'go',
    spec,
    name,
    pinned: /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version),
    path,
  };
}

/** `@modelcontextprotocol/*`, or a name with an `mcp` component: `mcp`, `mcp-*`, `*-mcp`, `*-mcp-server`, `x.mcp-y`. */
export function isMcpPackageName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('@modelcontextprotocol/')) return true;
  const bare = lower.slice(lower.lastIndexOf('/') + 1);
  return /(^|[-_.])mcp([-_.]|$)/.test(bare);
}

/** `the npm registry`, `PyPI`, `the Go module proxy`. */
export function registryName(ecosystem: Ecosystem): string {
  return ecosystem === 'npm' ? 'the npm registry' : ecosystem === 'pypi' ? 'PyPI' : 'the Go module proxy';
}
