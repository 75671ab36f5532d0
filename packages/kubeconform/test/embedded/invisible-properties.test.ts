/**
 * INVISIBLE_PROPERTIES must be exactly the fields that kubernetes-models declares (its .d.ts interfaces)
 * but whose compiled validators never read, for the served (GA) API versions: re-derived here from the
 * installed package, so an upgrade that changes them fails this test.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import {
  INVISIBLE_PROPERTIES,
  InvisibleProperties,
  propertiesRead,
} from '../../src/embedded/invisible-properties.js';
import { packageRoot } from '../../src/embedded/kubernetes-models.js';

/** Model files: `<group>/<version>/<Type>.js`, `v1/<Type>.js`, `apis/meta/v1/<Type>.js`. */
function modelFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('_') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.js') && entry.name !== 'index.js') out.push(full);
    }
  };
  walk(root, 0);
  return out;
}

/** The property names of the first interface of a .d.ts file. */
function declaredProperties(dts: string): Set<string> {
  const body = /export interface I\w+[^{]*\{([\s\S]*?)\n\}/.exec(dts)?.[1] ?? '';
  return new Set([...body.matchAll(/^\s+"([^"]+)"\??:/gm)].map((match) => match[1]!));
}

function deriveInvisible(root: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of modelFiles(root)) {
    const source = fs.readFileSync(file, 'utf8');
    const schema = /import\{validate\}from"((?:\.\.\/)+_schemas\/([A-Za-z0-9]+))\.js"/.exec(source);
    const dtsFile = file.replace(/\.js$/, '.d.ts');
    if (!schema || !fs.existsSync(dtsFile)) continue;
    const definition = schema[2]!;
    if (/V\d+(alpha|beta)\d+/.test(definition)) continue;
    const read = propertiesRead(fs.readFileSync(path.join(path.dirname(file), `${schema[1]!}.js`), 'utf8'));
    const invisible = [...declaredProperties(fs.readFileSync(dtsFile, 'utf8'))].filter(
      (name) => !read.has(name),
    );
    if (invisible.length > 0) out[definition] = invisible.sort();
  }
  return out;
}

describe('fields the compiled validators cannot see', () => {
  const root = packageRoot();

  it('are exactly the ones listed, re-derived from the installed kubernetes-models and its apimachinery', () => {
    const listed = Object.fromEntries(
      Object.entries(INVISIBLE_PROPERTIES).map(([definition, names]) => [definition, [...names].sort()]),
    );
    const apimachinery = path.dirname(
      createRequire(path.join(root, 'package.json')).resolve('@kubernetes-models/apimachinery/package.json'),
    );
    expect(modelFiles(apimachinery).length).toBeGreaterThan(20);
    expect({ ...deriveInvisible(root), ...deriveInvisible(apimachinery) }).toEqual(listed);
  });

  it('are recognised by exactly what their validator reads', () => {
    const invisible = new InvisibleProperties((definition) =>
      fs.readFileSync(path.join(root, '_schemas', `${definition}.js`), 'utf8'),
    );
    expect(
      invisible.allowedFor(
        new Set(['apiVersion', 'globalDefault', 'kind', 'metadata', 'preemptionPolicy', 'value']),
      ),
    ).toEqual(new Set(['description']));
    expect(invisible.allowedFor(new Set(['apiVersion', 'kind', 'metadata', 'value']))).toBeUndefined();
    expect(invisible.allowedFor(new Set(['url']))).toEqual(new Set(['description']));
  });

  it('reads property names from compiled code, quoted ones included', () => {
    expect(propertiesRead('if(void 0===data.name)x;data["x-y"];data0.other;data.length')).toEqual(
      new Set(['name', 'x-y']),
    );
  });
});
