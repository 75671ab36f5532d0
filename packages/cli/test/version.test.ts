import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_VERSION } from '../src/version.js';

test('CLI_VERSION matches package.json', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  expect(CLI_VERSION).toBe(pkg.version);
});
