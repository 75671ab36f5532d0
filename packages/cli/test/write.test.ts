import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { writeFilePieces, writePieces } from '../src/files/write.js';
import { main } from '../src/index.js';
import { tempTree, testIO } from './helpers.js';

describe('writePieces', () => {
  test('writes the pieces in batches of about a megabyte, ending with a line break', async () => {
    const writes: string[] = [];
    const stream = { write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WritableStream;
    const pieces = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(999, '.')}|`);
    await writePieces(stream, pieces);
    expect(writes.join('')).toBe(`${pieces.join('')}\n`);
    expect(writes.map((w) => w.length)).toEqual([1_049_000, 1_049_000, 902_001]);
    const once: string[] = [];
    await writePieces(
      { write: (chunk: string) => once.push(chunk) > 0 } as unknown as NodeJS.WritableStream,
      ['a\n', ''],
    );
    expect(once).toEqual(['a\n']);
  });

  test('never writes while the stream waits to drain', async () => {
    let received = '';
    const stream = new Writable({
      highWaterMark: 16,
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        received += chunk;
        setImmediate(callback);
      },
    });
    let drains = 0;
    stream.on('drain', () => drains++);
    const needDrainAtWrite: boolean[] = [];
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string) => {
      needDrainAtWrite.push(stream.writableNeedDrain);
      return write(chunk);
    }) as typeof stream.write;
    const pieces = ['a', 'b', 'c'].map((letter) => letter.repeat(1 << 20));
    await writePieces(stream, pieces);
    // Three batches of a megabyte, then the closing line break.
    expect(needDrainAtWrite).toEqual([false, false, false, false]);
    expect(drains).toBe(3);
    expect(received).toBe(`${pieces.join('')}\n`);
  });
});

describe('writeFilePieces', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('creates the directory and writes the file', async () => {
    tree = tempTree();
    await writeFilePieces(join(tree.root, 'a/b/report.json'), ['{', '}', '\n']);
    expect(readFileSync(join(tree.root, 'a/b/report.json'), 'utf8')).toBe('{}\n');
  });

  test('rejects with the file error', async () => {
    tree = tempTree({ 'file.txt': 'x' });
    await expect(writeFilePieces(join(tree.root, 'file.txt/report.json'), ['x'])).rejects.toMatchObject({
      code: 'EEXIST',
    });
    await expect(writeFilePieces(tree.root, ['x'])).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('scan --output', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('reports a report that cannot be written as a usage error', async () => {
    tree = tempTree({
      'pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n',
      taken: 'x',
    });
    const io = testIO(tree.root);
    const code = await main(['scan', 'pod.yaml', '--format', 'json', '--output', 'taken/report.json'], io.io);
    expect(code).toBe(2);
    expect(io.stderr.text()).toMatch(/^shiftdown: error: cannot write the report to taken\/report.json: /);
  });
});
