import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { MAX_FILE_BYTES, MAX_FILES, readManifests } from '../src/scan/read-manifests.js';

const noReader = {} as UrlReaderService;

describe('readManifests', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shiftdown-read-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (path: string, content: string | Buffer) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const readLocal = (path: string, kind: 'tree' | 'file', etag?: string) =>
    readManifests(pathToFileURL(join(root, path)).href, kind, {
      urlReader: noReader,
      ...(etag !== undefined && { etag }),
    });

  it('walks a local tree as the CLI does, leaving out files over 4 MiB, with a content ETag', async () => {
    write('tree/app.yaml', 'kind: A\n');
    write('tree/sub/b.yml', 'kind: B\n');
    write('tree/sub/c.json', '{"kind": "C"}');
    write('tree/README.md', '# not a manifest');
    write('tree/.git/config.yaml', 'kind: Git\n');
    write('tree/node_modules/pkg/x.yaml', 'kind: Module\n');
    write('tree/big.yaml', Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    write('tree/exactly-4mib.yaml', Buffer.alloc(MAX_FILE_BYTES, 'b'));
    write('tree/utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: U\n', 'utf16le')]));
    write('shared/base.yaml', 'kind: Shared\n');
    symlinkSync(join(root, 'shared'), join(root, 'tree/linked')); // followed, as `shiftdown scan` does
    symlinkSync(join(root, 'tree'), join(root, 'tree/sub/loop')); // a loop: not followed

    const first = await readLocal('tree', 'tree');
    if (first.type !== 'files') throw new Error('not read');
    expect(first.files.map((file) => file.path)).toEqual([
      'app.yaml',
      'exactly-4mib.yaml',
      'linked/base.yaml',
      'sub/b.yml',
      'sub/c.json',
      'utf16.yaml',
    ]);
    expect(first.files.find((file) => file.path === 'utf16.yaml')!.text).toBe('kind: U\n');
    expect(first.etag).toMatch(/^sha256:[0-9a-f]{64}$/);

    expect(await readLocal('tree', 'tree', first.etag)).toEqual({ type: 'not-modified' });
    write('tree/sub/b.yml', 'kind: B2\n');
    const changed = await readLocal('tree', 'tree', first.etag);
    expect(changed.type).toBe('files');
    expect(changed.type === 'files' && changed.etag).not.toBe(first.etag);
  });

  it('reads one local file under its own name, whatever its size', async () => {
    write('deploy/big.yaml', Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    const read = await readLocal('deploy/big.yaml', 'file');
    expect(read.type === 'files' && read.files.map((file) => [file.path, file.text.length])).toEqual([
      ['big.yaml', MAX_FILE_BYTES + 1],
    ]);
  });

  it('answers NotFoundError for a local path that does not exist, and fails on a directory named as a file', async () => {
    await expect(readLocal('missing', 'tree')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `${join(root, 'missing')} does not exist`,
    });
    mkdirSync(join(root, 'dir.yaml'));
    await expect(readLocal('dir.yaml', 'file')).rejects.toThrow('cannot read dir.yaml: is a directory');
  });

  it(`refuses a local tree of more than ${MAX_FILES} manifests`, async () => {
    for (let i = 0; i <= MAX_FILES; i++) write(`tree/d${i % 50}/f${i}.yaml`, 'kind: A\n');
    await expect(readLocal('tree', 'tree')).rejects.toMatchObject({
      name: 'TreeTooLargeError',
      message: `${join(root, 'tree')} has more than ${MAX_FILES} YAML/JSON files; point shiftdown.dev/manifests at the directory with the manifests`,
    });
  });

  it('reads a remote tree through the URL reader: manifests up to 4 MiB, decoded', async () => {
    const entries: Record<string, Buffer> = {
      'app.yaml': Buffer.from('kind: A\n'),
      'big.yaml': Buffer.alloc(MAX_FILE_BYTES + 1, 'a'),
      'README.md': Buffer.from('# no'),
      '.git/x.yaml': Buffer.from('kind: Git\n'),
      'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: U\n', 'utf16le')]),
    };
    const urlReader = {
      readTree: async (
        _url: string,
        options?: { filter?: (path: string, info?: { size: number }) => boolean },
      ) => ({
        etag: 'e1',
        files: async () =>
          Object.entries(entries)
            .filter(([path, content]) => options?.filter?.(path, { size: content.length }) ?? true)
            .map(([path, content]) => ({ path, content: async () => content })),
      }),
    } as unknown as UrlReaderService;
    expect(
      await readManifests('https://github.com/acme/shop/tree/main/deploy', 'tree', { urlReader }),
    ).toEqual({
      type: 'files',
      files: [
        { path: 'app.yaml', text: 'kind: A\n' },
        { path: 'utf16.yaml', text: 'kind: U\n' },
      ],
      etag: 'e1',
    });
  });
});
